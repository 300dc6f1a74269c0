import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BASE,
  HttpResponse,
  on,
  problem,
  server,
  sessionBody,
  TOKEN,
  useMsw,
} from '../../test/msw.ts';
import { createConnectClient } from '../client.ts';
import type {
  Accepted,
  EmailVerified,
  PasswordResetResult,
  ResetTokenInfo,
  Session,
} from '../contract/messages.ts';
import type { PasswordPolicy } from '../contract/policy.ts';
import {
  AbortedError,
  InvalidCredentialsError,
  SessionInvalidError,
  TokenExpiredError,
  ValidationError,
  WeakPasswordError,
} from '../errors/index.ts';
import { normalizeResetCode } from './normalize-code.ts';

useMsw();

const POLICY = {
  id: 'connect',
  version: 3,
  rules: [{ id: 'min_length', level: 'required', params: { min: 8 } }],
};
const client = (extra: object = {}) =>
  createConnectClient({
    baseUrl: BASE,
    retry: { limit: 2, maxDelayMs: 5 },
    refreshBeforeExpiryMs: false,
    ...extra,
  });

/** Records JSON bodies a route receives and answers with `answer`. */
function recording(route: Parameters<typeof on>[0], answer: () => Response) {
  const bodies: unknown[] = [];
  server.use(
    on(route, async ({ request }) => {
      const text = await request.text();
      bodies.push(text === '' ? undefined : JSON.parse(text));
      return answer();
    }),
  );
  return bodies;
}

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

describe('signIn, refreshSession, signOut', () => {
  it('signs in with the canonical email and keeps the session in memory', async () => {
    const session = sessionBody();
    const bodies = recording('signIn', () => HttpResponse.json(session));
    const c = client();
    expect(await c.signIn({ email: 'Owner@EXAMPLE.com', password: 'pw' })).toEqual(session);
    expect(bodies).toEqual([{ email: 'Owner@example.com', password: 'pw' }]);
    expect(c.session).toEqual(session);
  });

  it('maps invalid_credentials and leaves the session untouched', async () => {
    recording('signIn', () => problem('invalid_credentials'));
    const c = client();
    await expect(c.signIn({ email: 'a@example.com', password: 'nope' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(c.session).toBeNull();
  });

  it('shares one request between concurrent refreshSession calls', async () => {
    const session = sessionBody();
    const bodies = recording('refreshSession', () => HttpResponse.json(session));
    const c = client();
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s));
    const results = await Promise.all([c.refreshSession(), c.refreshSession(), c.refreshSession()]);
    expect(results).toEqual([session, session, session]);
    expect(bodies).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('lets one caller abort its wait without cancelling the shared refresh', async () => {
    const session = sessionBody();
    recording('refreshSession', () => HttpResponse.json(session));
    const c = client();
    const controller = new AbortController();
    const first = c.refreshSession({ signal: controller.signal });
    const second = c.refreshSession();
    controller.abort();
    await expect(first).rejects.toBeInstanceOf(AbortedError);
    expect(await second).toEqual(session);
  });

  it('clears the session when the refresh is rejected with session_invalid', async () => {
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('refreshSession', () => problem('session_invalid'));
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s));
    await expect(c.refreshSession()).rejects.toBeInstanceOf(SessionInvalidError);
    expect(c.session).toBeNull();
    expect(events).toEqual([null]);
  });

  it('keeps the session when a refresh fails for a transient reason', async () => {
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('refreshSession', () => HttpResponse.error());
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    await expect(c.refreshSession()).rejects.toMatchObject({ code: 'network_error' });
    expect(c.session).not.toBeNull();
  });

  it('signs out on the server with the access token, then locally', async () => {
    const session = sessionBody();
    recording('signIn', () => HttpResponse.json(session));
    let authorization: string | null = null;
    server.use(
      on('signOut', ({ request }) => {
        authorization = request.headers.get('authorization');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s));
    await c.signOut();
    expect(authorization).toBe(`Bearer ${session.accessToken}`);
    expect(c.session).toBeNull();
    expect(events).toEqual([null]);
    await c.signOut(); // already signed out: no second event
    expect(events).toEqual([null]);
  });

  it('treats session_invalid on sign-out as success, and rethrows other failures after clearing', async () => {
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('signOut', () => problem('session_invalid'));
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    await expect(c.signOut()).resolves.toBeUndefined();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    recording('signOut', () => problem('server_error'));
    await expect(c.signOut()).rejects.toMatchObject({ code: 'server_error' });
    expect(c.session).toBeNull();
  });

  it('does not let a refresh that finishes after sign-out resurrect the session', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    recording('signIn', () => HttpResponse.json(sessionBody()));
    server.use(
      on('refreshSession', async () => {
        await gate;
        return HttpResponse.json(sessionBody());
      }),
    );
    recording('signOut', () => new HttpResponse(null, { status: 204 }));
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const refreshing = c.refreshSession();
    await c.signOut();
    release();
    await refreshing;
    expect(c.session).toBeNull();
  });
  it('applies a sign-in even when a background refresh finished while it was in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mine = { ...sessionBody(), account: { id: 'acc_2', email: 'b@example.com' } };
    recording('refreshSession', () => HttpResponse.json(sessionBody()));
    server.use(
      on('signIn', async () => {
        await gate;
        return HttpResponse.json(mine);
      }),
    );
    const c = client();
    const signingIn = c.signIn({ email: 'b@example.com', password: 'pw' });
    await c.refreshSession();
    release();
    await signingIn;
    expect(c.session?.account.id).toBe('acc_2');
  });

  it('lets an explicit sign-in win over a background refresh that finishes later', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mine = { ...sessionBody(), account: { id: 'acc_2', email: 'b@example.com' } };
    server.use(
      on('refreshSession', async () => {
        await gate;
        return HttpResponse.json(sessionBody());
      }),
    );
    recording('signIn', () => HttpResponse.json(mine));
    const c = client();
    const refreshing = c.refreshSession();
    await c.signIn({ email: 'b@example.com', password: 'pw' });
    release();
    await refreshing;
    expect(c.session?.account.id).toBe('acc_2');
  });
});

describe('register and verifyEmail', () => {
  it('registers with the canonical email and an optional name', async () => {
    const bodies = recording('register', () =>
      HttpResponse.json({ status: 'accepted' }, { status: 202 }),
    );
    await client().register({ email: 'New@Example.com', password: 'pw', name: 'Ada' });
    await client().register({ email: 'new@example.com', password: 'pw' });
    expect(bodies).toEqual([
      { email: 'New@example.com', password: 'pw', name: 'Ada' },
      { email: 'new@example.com', password: 'pw' },
    ]);
  });

  it('rejects an unknown field? No: only known fields are sent', async () => {
    const bodies = recording('register', () => HttpResponse.json({ status: 'accepted' }));
    await client().register({ email: 'a@example.com', password: 'pw', admin: true } as never);
    expect(bodies).toEqual([{ email: 'a@example.com', password: 'pw' }]);
  });

  it('verifies an email', async () => {
    const bodies = recording('verifyEmail', () =>
      HttpResponse.json({ status: 'verified', email: 'a@example.com' }),
    );
    expect(await client().verifyEmail(TOKEN)).toEqual({
      status: 'verified',
      email: 'a@example.com',
    });
    expect(bodies).toEqual([{ token: TOKEN }]);
  });
});

describe('getPasswordPolicy', () => {
  it('fetches once per client, sharing concurrent calls', async () => {
    const seen = recording('passwordPolicy', () => HttpResponse.json(POLICY));
    const c = client();
    const [a, b] = await Promise.all([c.getPasswordPolicy(), c.getPasswordPolicy()]);
    expect(a).toEqual(POLICY);
    expect(b).toBe(a);
    expect(await c.getPasswordPolicy()).toBe(a);
    expect(seen).toHaveLength(1);
    await client().getPasswordPolicy(); // another client: its own cache
    expect(seen).toHaveLength(2);
  });

  it('does not cache a failure', async () => {
    recording('passwordPolicy', () => problem('server_error'));
    const c = client();
    await expect(c.getPasswordPolicy()).rejects.toMatchObject({ code: 'server_error' });
    recording('passwordPolicy', () => HttpResponse.json(POLICY));
    expect(await c.getPasswordPolicy()).toEqual(POLICY);
  });
});

describe('normalizeResetCode', () => {
  it.each([
    ['12345678', '12345678'],
    ['1234 5678', '12345678'],
    [' 1234-5678 ', '12345678'],
    ['1234\u20135678', '12345678'],
    ['１２３４５６７８', '12345678'],
    ['1234\u00a05678', '12345678'],
    ['12ab', '12ab'],
  ])('%j → %j', (input, output) => {
    expect(normalizeResetCode(input)).toBe(output);
  });
});

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
