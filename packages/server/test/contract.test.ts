/**
 * Contract tests: the real core client against the real server over HTTP on loopback, every
 * flow and every error code the server can produce, on SQLite and PostgreSQL.
 */
import {
  MAX_REQUEST_BODY_BYTES,
  PasswordPolicy,
  PROBLEM_TYPE_BASE,
  Problem,
  ResetTokenInfo,
  ROUTES,
} from '@connect-auth/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  factories,
  rejection,
  seedAccount,
  startServer,
  type TestServer,
  testClock,
} from './helpers.ts';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`contract over HTTP [${factory.name}]`, () => {
    let t: TestServer;
    const clock = testClock();
    beforeAll(async () => {
      t = await startServer(factory, { clock: clock.now, allowedOrigins: ['https://app.example'] });
    });
    afterAll(() => t?.close());

    it('GET /v1/password-policy serves the policy in force', async () => {
      const policy = await t.client().getPasswordPolicy();
      expect(policy.id).toBe('connect');
      expect(policy.rules.map((r) => r.id)).toContain('not_common');
    });

    it('verify answers the policy in force, the same as GET /v1/password-policy', async () => {
      await seedAccount(t, 'policy@example.com', 'active');
      await t.client().requestPasswordReset({ email: 'policy@example.com' });
      const mail = await t.lastMail('policy@example.com', 'password_reset');
      const verify = await fetch(`${t.url}${ROUTES.verifyResetToken.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: mail?.token }),
      });
      expect(verify.status).toBe(200);
      const body = (await verify.json()) as { policy?: unknown };
      const served = await (await fetch(`${t.url}${ROUTES.passwordPolicy.path}`)).json();
      expect(body.policy).toEqual(served);
      expect(PasswordPolicy.safeParse(body.policy).success).toBe(true);
      expect(ResetTokenInfo.safeParse(body).success).toBe(true);
    });

    it('GET /.well-known/jwks.json publishes the EdDSA key', async () => {
      const res = await fetch(`${t.url}${ROUTES.jwks.path}`);
      const jwks = (await res.json()) as { keys: Array<Record<string, string>> };
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(jwks.keys[0]).not.toHaveProperty('d');
    });

    it('lost password: request → verify → complete → sign in → refresh → sign out', async () => {
      await seedAccount(t, 'flow@example.com', 'active');
      const client = t.client();
      expect(await client.requestPasswordReset({ email: 'flow@example.com' })).toEqual({
        status: 'accepted',
      });
      const mail = await t.lastMail('flow@example.com', 'password_reset');
      expect(mail?.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reset#token=[A-Za-z0-9_-]{43}$/);
      expect(mail?.code).toMatch(/^\d{8}$/);
      const token = mail?.token ?? '';
      const info = await client.verifyResetToken(token);
      expect(info).toEqual({
        email: 'flow@example.com',
        purpose: 'reset',
        expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
        policy: await t.client().getPasswordPolicy(),
      });
      const done = await client.completePasswordReset({ token, password: 'Lighthouse-Keeper-7' });
      expect(done).toEqual({
        status: 'password_changed',
        email: 'flow@example.com',
        activated: false,
      });
      expect(done.session).toBeUndefined();
      const session = await client.signIn({
        email: 'FLOW@example.com',
        password: 'Lighthouse-Keeper-7',
      });
      expect(session.tokenType).toBe('Bearer');
      expect(session.account.email).toBe('flow@example.com');
      const next = await client.refreshSession();
      expect(next.account.id).toBe(session.account.id);
      await client.signOut();
      expect(client.session).toBeNull();
      expect((await rejection(client.refreshSession())).code).toBe('session_invalid');
    });

    it('complete with email + code', async () => {
      await seedAccount(t, 'code@example.com', 'active');
      const client = t.client();
      await client.requestPasswordReset({ email: 'code@example.com' });
      const mail = await t.lastMail('code@example.com');
      const wrong = mail?.code === '00000000' ? '11111111' : '00000000';
      expect(
        (
          await rejection(
            client.completePasswordReset({
              email: 'code@example.com',
              code: wrong,
              password: 'Lighthouse-Keeper-7',
            }),
          )
        ).code,
      ).toBe('code_invalid');
      expect(
        (
          await rejection(
            client.completePasswordReset({
              email: 'nobody@example.com',
              code: wrong,
              password: 'Lighthouse-Keeper-7',
            }),
          )
        ).code,
      ).toBe('code_invalid');
      const done = await client.completePasswordReset({
        email: 'code@example.com',
        code: mail?.code ?? '',
        password: 'Lighthouse-Keeper-7',
      });
      expect(done.status).toBe('password_changed');
    });

    it('registration: register → verify email → sign in; an existing email gets the same answer', async () => {
      const client = t.client();
      expect(
        await client.register({
          email: 'new@example.com',
          password: 'Lighthouse-Keeper-7',
          name: 'Nia',
        }),
      ).toEqual({ status: 'accepted' });
      const mail = await t.lastMail('new@example.com', 'verify_email');
      expect(mail?.link).toMatch(/\/verify-email#token=/);
      expect(
        (
          await rejection(
            client.signIn({ email: 'new@example.com', password: 'Lighthouse-Keeper-7' }),
          )
        ).code,
      ).toBe('invalid_credentials');
      expect(await client.verifyEmail(mail?.token ?? '')).toEqual({
        status: 'verified',
        email: 'new@example.com',
      });
      expect((await rejection(client.verifyEmail(mail?.token ?? ''))).code).toBe('token_used');
      expect(
        (await client.signIn({ email: 'new@example.com', password: 'Lighthouse-Keeper-7' })).account
          .name,
      ).toBe('Nia');
      clock.advance(61_000);
      expect(
        await client.register({ email: 'new@example.com', password: 'Another-Lantern-8' }),
      ).toEqual({ status: 'accepted' });
      expect((await t.lastMail('new@example.com'))?.template).toBe('already_registered');
    });

    it('every error code the server produces reaches the client as that code', async () => {
      const client = t.client();
      await seedAccount(t, 'errors@example.com', 'active');
      expect(
        (
          await rejection(
            client.signIn({ email: 'errors@example.com', password: 'Wrong-Password-1' }),
          )
        ).code,
      ).toBe('invalid_credentials');
      expect((await rejection(client.verifyResetToken('A'.repeat(43)))).code).toBe('token_invalid');
      await client.requestPasswordReset({ email: 'errors@example.com' });
      const first = (await t.lastMail('errors@example.com'))?.token ?? '';
      clock.advance(61_000);
      await client.requestPasswordReset({ email: 'errors@example.com' });
      const second = (await t.lastMail('errors@example.com'))?.token ?? '';
      expect(second).not.toBe(first);
      expect((await rejection(client.verifyResetToken(first))).code).toBe('token_superseded');
      const weak = await rejection(
        client.completePasswordReset({ token: second, password: 'password' }),
      );
      expect(weak.code).toBe('weak_password');
      expect(Array.isArray(weak.rules)).toBe(true);
      await client.completePasswordReset({ token: second, password: 'Lighthouse-Keeper-7' });
      expect((await rejection(client.verifyResetToken(second))).code).toBe('token_used');
      clock.advance(61_000);
      await client.requestPasswordReset({ email: 'errors@example.com' });
      const third = (await t.lastMail('errors@example.com'))?.token ?? '';
      clock.advance(3_600_000);
      expect((await rejection(client.verifyResetToken(third))).code).toBe('token_expired');
      expect((await rejection(client.refreshSession())).code).toBe('session_invalid');
      // origin_forbidden: a cookie call from a foreign origin.
      const foreign = await fetch(`${t.url}${ROUTES.refreshSession.path}`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      });
      await expectProblem(foreign, 'origin_forbidden', 403);
      // rate_limited: the per-IP limit on reset requests (30 / 5 min).
      const limited = t.client({ headers: {} });
      let code: string | undefined;
      for (let i = 0; i < 40 && !code; i++) {
        try {
          await limited.requestPasswordReset({ email: `flood${i}@example.com` });
        } catch (error) {
          code = (error as { code: string }).code;
          expect((error as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(0);
        }
      }
      expect(code).toBe('rate_limited');
    });

    it('dev mode serves the dev inbox: /dev/mail as JSON, /dev/inbox as a page', async () => {
      clock.advance(6 * 60_000); // past the per-IP window the previous test filled
      await seedAccount(t, 'inbox@example.com', 'active');
      await t.client().requestPasswordReset({ email: 'inbox@example.com' });
      await t.server.settled();
      const res = await fetch(`${t.url}/dev/mail?to=inbox@example.com`);
      const mails = (await res.json()) as Array<Record<string, string>>;
      expect(mails[0]).toMatchObject({
        to: 'inbox@example.com',
        subject: 'Password Reset Request for Codelocks Connect',
      });
      expect(mails[0]?.link).toMatch(/\/reset#token=/);
      expect(mails[0]?.code).toMatch(/^\d{8}$/);
      const page = await fetch(`${t.url}/dev/inbox`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('inbox@example.com');
    });

    it('transport-level problems: validation_failed, unsupported_media_type, payload_too_large, not_found, method_not_allowed', async () => {
      await expectProblem(
        await t.post('/v1/sessions', { email: ['a@b.io'], password: 'x' }),
        'validation_failed',
        400,
      );
      await expectProblem(
        await fetch(`${t.url}/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{}',
        }),
        'unsupported_media_type',
        415,
      );
      await expectProblem(
        await t.post('/v1/sessions', 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1)),
        'payload_too_large',
        413,
      );
      await expectProblem(await fetch(`${t.url}/v1/nothing`), 'not_found', 404);
      const res = await fetch(`${t.url}/v1/sessions`, { method: 'GET' });
      await expectProblem(res, 'method_not_allowed', 405);
      expect(res.headers.get('allow')).toContain('POST');
    });
  });
}

/** Assert a problem+json answer with this code and status, shaped like the contract's Problem. */
export async function expectProblem(res: Response, code: string, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json();
  expect(Problem.safeParse(body).success).toBe(true);
  expect(body).toMatchObject({ code, status, type: `${PROBLEM_TYPE_BASE}${code}` });
  expect(typeof body.title).toBe('string');
  return body;
}

describe('production mode', () => {
  const factory = factories[0];
  it('has no dev inbox, and sends HSTS for an https public URL', async () => {
    if (!factory) throw new Error('no store factory');
    const t = await startServer(factory, {
      dev: false,
      smtpUrl: 'smtp://127.0.0.1:2525',
      publicUrl: 'https://auth.example',
    });
    try {
      const res = await fetch(`${t.url}/dev/mail`);
      await expectProblem(res, 'not_found', 404);
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    } finally {
      await t.close();
    }
  });
});
