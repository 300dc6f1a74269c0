import { describe, expectTypeOf, it } from 'vitest';
import { client } from '../../test/flows.ts';
import { useMsw } from '../../test/msw.ts';
import type {
  Accepted,
  EmailVerified,
  PasswordResetResult,
  ResetTokenInfo,
  Session,
} from '../contract/messages.ts';
import type { PasswordPolicy } from '../contract/policy.ts';

useMsw();

describe('types', () => {
  it('flows resolve the contract types', () => {
    const c = client();
    expectTypeOf(c.requestPasswordReset).returns.resolves.toEqualTypeOf<Accepted>();
    expectTypeOf(c.verifyResetToken).returns.resolves.toEqualTypeOf<ResetTokenInfo>();
    expectTypeOf(c.completePasswordReset).returns.resolves.toEqualTypeOf<PasswordResetResult>();
    expectTypeOf(c.signIn).returns.resolves.toEqualTypeOf<Session>();
    expectTypeOf(c.refreshSession).returns.resolves.toEqualTypeOf<Session>();
    expectTypeOf(c.signOut).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(c.register).returns.resolves.toEqualTypeOf<Accepted>();
    expectTypeOf(c.verifyEmail).returns.resolves.toEqualTypeOf<EmailVerified>();
    expectTypeOf(c.getPasswordPolicy).returns.resolves.toEqualTypeOf<PasswordPolicy>();
    expectTypeOf(c.session).toEqualTypeOf<Session | null>();
    // @ts-expect-error a code without the email is not a valid input
    void (() => c.completePasswordReset({ code: '12345678', password: 'x' }));
  });
});
