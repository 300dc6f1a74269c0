/**
 * Settings a deployment on two origins relies on: the access-token audience (as core's README
 * and docs/server.md document it), and the page the app paths answer when no app URL is set.
 */
import { createServer as createNetServer } from 'node:net';
import { verifyAccessToken } from '@connect-auth/core/node';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.ts';
import { loadConfig } from '../src/config-env.ts';
import {
  factories,
  rejection,
  STRONG,
  seedAccount,
  startServer,
  type TestServer,
} from './helpers.ts';

const sqlite = factories.find((f) => f.name === 'sqlite') ?? factories[0];
if (!sqlite) throw new Error('no store factory');

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('access-token audience', () => {
  it('TOKEN_AUDIENCE=portal: the README’s verifyAccessToken(…, { audience: "portal" }) accepts the token', async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    // Exactly as documented: the environment variable, read by the CLI's config loader.
    const config = loadConfig({
      env: {
        CONNECT_DEV: '1',
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        TOKEN_AUDIENCE: 'portal',
      },
    });
    expect(config.tokenAudience).toBe('portal');
    t = await startServer(sqlite, config);
    expect(t.url).toBe(publicUrl);
    await seedAccount(t, 'aud@example.com', 'active');
    const session = await t.client().signIn({ email: 'aud@example.com', password: STRONG });
    expect(decodeJwt(session.accessToken)).toMatchObject({ iss: publicUrl, aud: 'portal' });

    // core/README.md › Node: the same call, with this server's URL.
    const claims = await verifyAccessToken(session.accessToken, {
      jwksUrl: `${publicUrl}/.well-known/jwks.json`,
      issuer: publicUrl,
      audience: 'portal',
    });
    expect(claims.sub).toBe(session.account.id);
    // The server's own check agrees; another audience is refused.
    expect((await t.server.authenticate(session.accessToken)).id).toBe(session.account.id);
    const wrong = await rejection(
      verifyAccessToken(session.accessToken, {
        jwksUrl: `${publicUrl}/.well-known/jwks.json`,
        issuer: publicUrl,
        audience: publicUrl,
      }),
    );
    expect(wrong.code).toBe('session_invalid');
  });

  it('--token-audience is the flag; without it the audience stays the public URL', async () => {
    expect(
      loadConfig({ argv: ['--dev', '--token-audience', 'https://api.example.com'] }).tokenAudience,
    ).toBe('https://api.example.com');
    t = await startServer(sqlite);
    await seedAccount(t, 'default-aud@example.com', 'active');
    const session = await t.client().signIn({ email: 'default-aud@example.com', password: STRONG });
    expect(decodeJwt(session.accessToken).aud).toBe(t.url);
  });

  it('an unusable audience stops the server with a ConfigError naming the setting', () => {
    for (const value of ['two words', 'x'.repeat(201), 'line\nbreak']) {
      const error = (() => {
        try {
          loadConfig({ env: { CONNECT_DEV: '1', TOKEN_AUDIENCE: value } });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain('TOKEN_AUDIENCE (--token-audience)');
    }
  });
});

describe('the app paths without an app URL', () => {
  it('/reset answers a page that says to set --app-url (APP_URL), not a 404', async () => {
    t = await startServer(sqlite);
    for (const path of ['/reset', '/verify-email', '/sign-in', '/lost-password']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html).toContain('--app-url');
      expect(html).toContain('APP_URL');
      expect(html).toContain('ALLOWED_ORIGINS');
      expect(html).toContain(t.url);
    }
    // The link in the mail really leads there.
    await seedAccount(t, 'link@example.com', 'pending_activation');
    await t.post('/v1/password-resets', { email: 'link@example.com' });
    const link = (await t.lastMail('link@example.com'))?.link ?? '';
    expect(link.startsWith(`${t.url}/reset#token=`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);
    // Other paths and methods are untouched.
    expect((await fetch(`${t.url}/nothing-here`)).status).toBe(404);
    expect((await t.post('/reset', {})).status).toBe(404);
  });

  it('with an app URL, the server has no such pages: 404 problem', async () => {
    t = await startServer(sqlite, { appUrl: 'https://app.example' });
    const res = await fetch(`${t.url}/reset`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
