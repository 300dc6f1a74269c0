/**
 * Sessions and JWTs (SECURITY 18–20, 22).
 */
import { REFRESH_COOKIE } from '@connect-auth/core/contract';
import { verifyAccessToken } from '@connect-auth/core/node';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isServiceError, ServiceError } from '../src/index.ts';
import {
  factories,
  rejection,
  STRONG,
  seedAccount,
  startServer,
  type TestServer,
  testClock,
} from './helpers.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Sign any header with Ed25519 directly (jose refuses to produce some of the forgeries). */
async function signRaw(
  header: Record<string, unknown>,
  payload: unknown,
  key: CryptoKey,
): Promise<string> {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`sessions and JWTs [${factory.name}]`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startServer(factory, { allowedOrigins: ['https://app.example'] });
      await seedAccount(t, 'jwt@example.com', 'active');
    });
    afterAll(() => t?.close());

    const verifyBoth = async (token: string) => {
      const options = { jwksUrl: `${t.url}/.well-known/jwks.json`, issuer: t.url, audience: t.url };
      const core = await verifyAccessToken(token, options).then(
        () => 'accepted',
        () => 'rejected',
      );
      const server = await t.server.authenticate(token).then(
        () => 'accepted',
        (e: { code?: string }) => `rejected:${e.code}`,
      );
      return { core, server };
    };

    it('SECURITY 18–19: access tokens are short-lived EdDSA at+jwt with the required claims', async () => {
      const session = await t.client().signIn({ email: 'jwt@example.com', password: STRONG });
      const header = decodeProtectedHeader(session.accessToken);
      const claims = decodeJwt(session.accessToken);
      expect(header).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt', kid: t.server.keys.kid });
      expect(claims).toMatchObject({ iss: t.url, aud: t.url, sub: session.account.id, cv: 1 });
      expect(typeof claims.jti).toBe('string');
      expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(15 * 60);
      expect(await verifyBoth(session.accessToken)).toEqual({
        core: 'accepted',
        server: 'accepted',
      });
    });

    it('SECURITY 18: alg none, HS256 with the public key, jku/jwk/x5u, unknown crit, wrong typ, expired, wrong iss/aud are rejected', async () => {
      const session = await t.client().signIn({ email: 'jwt@example.com', password: STRONG });
      const claims = decodeJwt(session.accessToken);
      const [, payload] = session.accessToken.split('.');
      const { kid, privateKey } = t.server.keys;
      const now = Math.floor(Date.now() / 1000);
      const sign = (header: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        new SignJWT({ ...claims, ...extra })
          .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid, ...header } as never)
          .sign(privateKey);
      const publicJwk = t.server.keys.jwks.keys[0] as { x: string };
      const { createHmac } = await import('node:crypto');
      const hsInput = `${b64({ alg: 'HS256', typ: 'at+jwt', kid })}.${payload}`;
      const forged: Record<string, string> = {
        'alg none': `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${payload}.`,
        'HS256 keyed with the public key': `${hsInput}.${createHmac('sha256', JSON.stringify(t.server.keys.jwks.keys[0])).update(hsInput).digest('base64url')}`,
        'HS256 keyed with the public key bytes': `${hsInput}.${createHmac('sha256', Buffer.from(publicJwk.x, 'base64url')).update(hsInput).digest('base64url')}`,
        jku: await sign({ jku: 'https://evil.example/jwks.json' }),
        jwk: await sign({ jwk: t.server.keys.jwks.keys[0] }),
        x5u: await sign({ x5u: 'https://evil.example/cert.pem' }),
        'unknown crit': await signRaw(
          {
            alg: 'EdDSA',
            typ: 'at+jwt',
            kid,
            crit: ['urn:example:must-understand'],
            'urn:example:must-understand': true,
          },
          claims,
          privateKey,
        ),
        'typ JWT': await sign({ typ: 'JWT' }),
        'no typ': await new SignJWT({ ...claims })
          .setProtectedHeader({ alg: 'EdDSA', kid })
          .sign(privateKey),
        expired: await sign({}, { iat: now - 3600, exp: now - 31 }),
        'wrong issuer': await sign({}, { iss: 'https://evil.example' }),
        'wrong audience': await sign({}, { aud: 'https://other.example' }),
        'no jti': await sign({}, { jti: undefined }),
        'tampered payload': `${session.accessToken.split('.')[0]}.${b64({ ...claims, sub: 'someone-else' })}.${session.accessToken.split('.')[2]}`,
      };
      for (const [name, token] of Object.entries(forged)) {
        expect([name, await verifyBoth(token)]).toEqual([
          name,
          { core: 'rejected', server: 'rejected:session_invalid' },
        ]);
      }
      // Control: the raw signer makes valid tokens, so the crit rejection above is about crit.
      expect(
        await verifyBoth(await signRaw({ alg: 'EdDSA', typ: 'at+jwt', kid }, claims, privateKey)),
      ).toEqual({ core: 'accepted', server: 'accepted' });
      // Within the ≤ 30 s clock tolerance an expired token is still accepted (and beyond it not: above).
      expect(await verifyBoth(await sign({}, { iat: now - 600, exp: now - 10 }))).toEqual({
        core: 'accepted',
        server: 'accepted',
      });
    });

    it('SECURITY 19: the refresh token is an HttpOnly Secure SameSite=Strict __Host- cookie, rotated on every use; reuse revokes the family', async () => {
      const res = await t.post('/v1/sessions', { email: 'jwt@example.com', password: STRONG });
      const cookie =
        res.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE}=`)) ?? '';
      expect(REFRESH_COOKIE.startsWith('__Host-')).toBe(true);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(JSON.stringify(await res.json())).not.toContain(
        cookie.split(';')[0]?.split('=')[1] ?? '???',
      );
      const first = cookie.split(';')[0] ?? '';
      const refresh = (c: string) =>
        fetch(`${t.url}/v1/sessions/refresh`, { method: 'POST', headers: { cookie: c } });
      const r1 = await refresh(first);
      expect(r1.status).toBe(200);
      const second = r1.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      expect(second).not.toBe(first);
      const r2 = await refresh(second);
      expect(r2.status).toBe(200);
      const third = r2.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      // Replaying the first (rotated) token once its successor was used is refused, even inside
      // the reuse grace window, and revokes the family: the newest token dies too.
      const replay = await refresh(first);
      expect(replay.status).toBe(401);
      expect((await replay.json()).code).toBe('session_invalid');
      expect((await refresh(third)).status).toBe(401);
      expect(t.logger.lines.some((l) => l.event === 'refresh_reused')).toBe(true);
    });

    it('SECURITY 19: the reuse grace window — parallel refreshes with one cookie keep the session; a later replay ends it', async () => {
      const clock = testClock();
      const g = await startServer(factory, { clock: clock.now });
      try {
        await seedAccount(g, 'tabs@example.com', 'active');
        const refresh = (c: string) =>
          fetch(`${g.url}/v1/sessions/refresh`, { method: 'POST', headers: { cookie: c } });
        const cookieOf = (res: Response) => res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
        const signIn = async () =>
          cookieOf(await g.post('/v1/sessions', { email: 'tabs@example.com', password: STRONG }));
        for (const n of [2, 8]) {
          const cookie = await signIn();
          // N tabs wake up together and refresh with the same cookie.
          const answers = await Promise.all(Array.from({ length: n }, () => refresh(cookie)));
          expect(answers.map((r) => r.status)).toEqual(Array(n).fill(200));
          const cookies = answers.map(cookieOf);
          expect(new Set(cookies).size).toBe(n);
          // Every tab's new cookie works: nobody was signed out.
          for (const c of cookies) expect((await refresh(c)).status).toBe(200);
        }
        expect(g.logger.lines.some((l) => l.event === 'refresh' && l.grace === true)).toBe(true);
        expect(g.logger.lines.some((l) => l.event === 'refresh_reused')).toBe(false);

        // After the window a replay is reuse: the family is revoked, the tab's new cookie too.
        const cookie = await signIn();
        const next = cookieOf(await refresh(cookie));
        clock.advance(10_000);
        expect((await refresh(cookie)).status).toBe(401);
        expect((await refresh(next)).status).toBe(401);
        expect(g.logger.lines.some((l) => l.event === 'refresh_reused')).toBe(true);

        // A reset still revokes everything, siblings from the window included (SECURITY 20).
        const before = await signIn();
        const [a, b] = (await Promise.all([refresh(before), refresh(before)])).map(cookieOf);
        await g.client().requestPasswordReset({ email: 'tabs@example.com' });
        const token = (await g.lastMail('tabs@example.com'))?.token ?? '';
        await g.client().completePasswordReset({ token, password: 'Brand-New-Harbour-3' });
        for (const c of [before, a ?? '', b ?? '']) expect((await refresh(c)).status).toBe(401);
      } finally {
        await g.close();
      }
    });

    it('SECURITY 19: with REFRESH_REUSE_GRACE_SECONDS=0 a simultaneous second refresh revokes the family', async () => {
      const g = await startServer(factory, { refreshReuseGraceSeconds: 0 });
      try {
        await seedAccount(g, 'strict@example.com', 'active');
        const res = await g.post('/v1/sessions', { email: 'strict@example.com', password: STRONG });
        const cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
        const refresh = (c: string) =>
          fetch(`${g.url}/v1/sessions/refresh`, { method: 'POST', headers: { cookie: c } });
        const answers = await Promise.all([refresh(cookie), refresh(cookie)]);
        expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
        const winner = answers.find((r) => r.status === 200);
        const next = winner?.headers.getSetCookie()[0]?.split(';')[0] ?? '';
        expect((await refresh(next)).status).toBe(401);
      } finally {
        await g.close();
      }
    });

    it('SECURITY 20: after a reset every earlier session, access token and refresh token is rejected', async () => {
      await seedAccount(t, 'reset-sessions@example.com', 'active');
      const a = t.client();
      const b = t.client();
      const sa = await a.signIn({ email: 'reset-sessions@example.com', password: STRONG });
      await b.signIn({ email: 'reset-sessions@example.com', password: STRONG });
      await t.client().requestPasswordReset({ email: 'reset-sessions@example.com' });
      const token = (await t.lastMail('reset-sessions@example.com'))?.token ?? '';
      await t.client().completePasswordReset({ token, password: 'Brand-New-Harbour-3' });
      expect((await rejection(a.refreshSession())).code).toBe('session_invalid');
      expect((await rejection(b.refreshSession())).code).toBe('session_invalid');
      const refused = await rejection(t.server.authenticate(sa.accessToken));
      // What the public entry promises: a ServiceError, recognised by its guard.
      expect(refused).toBeInstanceOf(ServiceError);
      expect(isServiceError(refused, 'session_invalid')).toBe(true);
      expect(isServiceError(refused, 'invalid_credentials')).toBe(false);
      const fresh = await t
        .client()
        .signIn({ email: 'reset-sessions@example.com', password: 'Brand-New-Harbour-3' });
      expect((await t.server.authenticate(fresh.accessToken)).email).toBe(
        'reset-sessions@example.com',
      );
      expect(decodeJwt(fresh.accessToken).cv).toBe(2);
    });

    it('SECURITY 22: cookie-authenticated calls check Origin; CORS only for configured origins', async () => {
      const res = await t.post('/v1/sessions', { email: 'jwt@example.com', password: STRONG });
      const cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const call = (path: string, method: string, headers: Record<string, string>) =>
        fetch(`${t.url}${path}`, { method, headers: { cookie, ...headers } });
      for (const [path, method] of [
        ['/v1/sessions/refresh', 'POST'],
        ['/v1/sessions/current', 'DELETE'],
      ] as const) {
        const evil = await call(path, method, { origin: 'https://evil.example' });
        expect(evil.status).toBe(403);
        expect((await evil.json()).code).toBe('origin_forbidden');
        expect(evil.headers.get('access-control-allow-origin')).toBeNull();
        const crossSite = await call(path, method, { 'sec-fetch-site': 'cross-site' });
        expect(crossSite.status).toBe(403);
      }
      const ok = await call('/v1/sessions/refresh', 'POST', { origin: 'https://app.example' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      const pre = await fetch(`${t.url}/v1/sessions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      const preEvil = await fetch(`${t.url}/v1/sessions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      });
      expect(preEvil.headers.get('access-control-allow-origin')).toBeNull();
      expect(preEvil.headers.get('access-control-allow-methods')).toBeNull();
      // Sign-out clears the cookie.
      const out = await call('/v1/sessions/current', 'DELETE', { origin: 'https://app.example' });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    });
  });
}
