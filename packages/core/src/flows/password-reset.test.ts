import { describe, expect, it } from 'vitest';
import { client, recording } from '../../test/flows.ts';
import { HttpResponse, problem, sessionBody, TOKEN, useMsw } from '../../test/msw.ts';
import type { Session } from '../contract/messages.ts';
import { TokenExpiredError, ValidationError, WeakPasswordError } from '../errors/index.ts';

useMsw();

describe('requestPasswordReset', () => {
  it('sends the canonical email and resolves accepted', async () => {
    const bodies = recording('requestPasswordReset', () =>
      HttpResponse.json({ status: 'accepted' }, { status: 202 }),
    );
    const result = await client().requestPasswordReset({ email: '  Owner@Bücher.DE ' });
    expect(result).toEqual({ status: 'accepted' });
    expect(bodies).toEqual([{ email: 'Owner@xn--bcher-kva.de' }]);
  });

  it.each([
    ['', 'required'],
    ['not-an-email', 'invalid_email'],
    ['a@b.c\r\nBcc: x@y.z', 'invalid_email'],
    [`${'a'.repeat(250)}@example.com`, 'invalid_email'],
  ])('rejects %j with ValidationError (%s) and sends nothing', async (email, code) => {
    const bodies = recording('requestPasswordReset', () =>
      HttpResponse.json({ status: 'accepted' }),
    );
    const error = await client()
      .requestPasswordReset({ email })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ['email'], code }]);
    expect((error as ValidationError).status).toBeUndefined();
    expect(bodies).toHaveLength(0);
  });

  it('throws TypeError for misuse (non-string email, missing input)', async () => {
    await expect(client().requestPasswordReset({ email: ['a@b.co'] } as never)).rejects.toThrow(
      TypeError,
    );
    await expect(client().requestPasswordReset(undefined as never)).rejects.toThrow(TypeError);
  });
});

describe('verifyResetToken', () => {
  it('resolves the token info without consuming it', async () => {
    const info = {
      email: 'owner@example.com',
      expiresAt: '2026-11-28T09:00:00Z',
      purpose: 'activation',
    };
    const bodies = recording('verifyResetToken', () => HttpResponse.json(info));
    expect(await client().verifyResetToken(TOKEN)).toEqual(info);
    expect(bodies).toEqual([{ token: TOKEN }]);
  });

  it('maps token_expired', async () => {
    recording('verifyResetToken', () => problem('token_expired'));
    await expect(client().verifyResetToken(TOKEN)).rejects.toBeInstanceOf(TokenExpiredError);
  });

  it('rejects a malformed token locally', async () => {
    const bodies = recording('verifyResetToken', () => HttpResponse.json({}));
    const error = await client()
      .verifyResetToken('short!')
      .catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([['token'], ['token']]);
    expect(bodies).toHaveLength(0);
    await expect(client().verifyResetToken(42 as never)).rejects.toThrow(TypeError);
  });
});

describe('completePasswordReset', () => {
  const done = { status: 'password_changed', email: 'owner@example.com', activated: true };

  it('sends token and password exactly as typed', async () => {
    const bodies = recording('completePasswordReset', () => HttpResponse.json(done));
    const result = await client().completePasswordReset({ token: TOKEN, password: '  pässwörd  ' });
    expect(result).toEqual(done);
    expect(bodies).toEqual([{ token: TOKEN, password: '  pässwörd  ' }]);
  });

  it('sends email and a code normalised to 8 digits', async () => {
    const bodies = recording('completePasswordReset', () => HttpResponse.json(done));
    await client().completePasswordReset({
      email: 'Owner@Example.com',
      code: ' 1234-5678 ',
      password: 'x',
    });
    expect(bodies).toEqual([{ email: 'Owner@example.com', code: '12345678', password: 'x' }]);
  });

  it('rejects a code that is not 8 digits, and an empty password, locally', async () => {
    const bodies = recording('completePasswordReset', () => HttpResponse.json(done));
    const error = (await client()
      .completePasswordReset({ email: 'a@example.com', code: '1234', password: '' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: ['code'], code: 'invalid_format' },
        { path: ['password'], code: 'required' },
      ]),
    );
    expect(bodies).toHaveLength(0);
  });

  it('maps weak_password with its rules', async () => {
    const rules = [{ id: 'min_length', level: 'required', ok: false, params: { min: 12 } }];
    recording('completePasswordReset', () => problem('weak_password', { rules }));
    const error = (await client()
      .completePasswordReset({ token: TOKEN, password: 'short' })
      .catch((e: unknown) => e)) as WeakPasswordError;
    expect(error).toBeInstanceOf(WeakPasswordError);
    expect(error.rules).toEqual(rules);
    expect(error.status).toBe(422);
  });

  it('adopts the session when the server signs the user in after the reset', async () => {
    const session = sessionBody();
    recording('completePasswordReset', () => HttpResponse.json({ ...done, session }));
    const c = client();
    const events: (Session | null)[] = [];
    c.onSessionChange((s) => events.push(s));
    await c.completePasswordReset({ token: TOKEN, password: 'Correct-Horse-9' });
    expect(c.session).toEqual(session);
    expect(events).toEqual([session]);
  });
});
