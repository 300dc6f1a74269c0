/**
 * createServer wiring: the dev secret and signing keys persist across restarts, configuration
 * switches (policy preset, auto sign-in, trusted proxy) change behaviour as documented.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.ts';
import { createServer } from '../src/server.ts';
import { sqliteCheckpoints } from '../src/store/sqlite.ts';
import { factories, rejection, seedAccount, startServer } from './helpers.ts';

const factory = factories[0];

describe('createServer', () => {
  it('opens its SQLite file with the WAL checkpointing SQLITE_WAL_CHECKPOINT asks for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'connect-wal-'));
    try {
      const checkpointing = async (sqliteWalCheckpoint?: 'worker' | 'connection') => {
        const server = await createServer({
          dev: true,
          port: 0,
          dataDir: dir,
          logger: silentLogger,
          ...(sqliteWalCheckpoint ? { sqliteWalCheckpoint } : {}),
        });
        // The worker's stats exist from the start; the connection's own checkpoint has none.
        const stats = sqliteCheckpoints(server.store);
        await server.close();
        return stats === undefined ? 'connection' : 'worker';
      };
      expect(await checkpointing()).toBe('worker');
      expect(await checkpointing('connection')).toBe('connection');
      expect(await checkpointing('worker')).toBe('worker');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('dev mode generates the secret once (0600) and keeps the signing key across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'connect-dev-'));
    try {
      const jwks = async () => {
        const server = await createServer({
          dev: true,
          port: 0,
          dataDir: dir,
          logger: silentLogger,
        });
        const url = await server.listen();
        const body = await (await fetch(`${url}/.well-known/jwks.json`)).json();
        await server.close();
        return body;
      };
      const first = await jwks();
      const mode = (await stat(join(dir, 'secret'))).mode & 0o777;
      expect(mode).toBe(0o600);
      expect(await jwks()).toEqual(first); // same key, unsealed with the same persisted secret
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a changed secret, and says why and what to do', async () => {
    if (!factory) throw new Error('no store factory');
    const database = await factory.database();
    try {
      const start = async (secret: string) =>
        createServer({
          dev: true,
          port: 0,
          secret,
          logger: silentLogger,
          store: await database.open(),
        });
      await (await start('first-secret-0123456789abcdefghij')).close();
      const error = await start('second-secret-0123456789abcdefghi').catch((e: unknown) => e);
      expect((error as Error).message).toContain('cannot be opened with this CONNECT_SECRET');
      expect((error as Error).message).toContain('signing_keys');
    } finally {
      await database.destroy();
    }
  });

  it('--policy nist-800-63b is served and enforced', async () => {
    if (!factory) throw new Error('no store factory');
    const t = await startServer(factory, { policy: 'nist-800-63b' });
    try {
      const client = t.client();
      expect((await client.getPasswordPolicy()).id).toBe('nist-800-63b');
      await seedAccount(t, 'nist@example.com', 'active');
      await client.requestPasswordReset({ email: 'nist@example.com' });
      const token = (await t.lastMail('nist@example.com'))?.token ?? '';
      const weak = await rejection(
        client.completePasswordReset({ token, password: 'Short-Pass-1' }),
      );
      expect(weak.code).toBe('weak_password');
      expect(
        (weak.rules as Array<{ id: string; ok: boolean }>).find((r) => r.id === 'min_length')?.ok,
      ).toBe(false);
      expect(
        (await client.completePasswordReset({ token, password: 'quiet orchard lantern river' }))
          .status,
      ).toBe('password_changed');
    } finally {
      await t.close();
    }
  });

  it('AUTO_SIGN_IN_AFTER_RESET answers a session and sets the refresh cookie', async () => {
    if (!factory) throw new Error('no store factory');
    const t = await startServer(factory, { autoSignInAfterReset: true });
    try {
      await seedAccount(t, 'auto@example.com', 'pending_activation');
      await t.client().requestPasswordReset({ email: 'auto@example.com' });
      const token = (await t.lastMail('auto@example.com'))?.token ?? '';
      const res = await t.post('/v1/password-resets/complete', {
        token,
        password: 'Lighthouse-Keeper-7',
      });
      const body = await res.json();
      expect(body).toMatchObject({
        status: 'password_changed',
        activated: true,
        session: { tokenType: 'Bearer', account: { email: 'auto@example.com' } },
      });
      expect(res.headers.getSetCookie()[0]).toMatch(/^__Host-connect_refresh=/);
      expect((await t.server.authenticate(body.session.accessToken)).email).toBe(
        'auto@example.com',
      );
    } finally {
      await t.close();
    }
  });

  it('TRUST_PROXY: per-IP limits follow X-Forwarded-For only when trusted', async () => {
    if (!factory) throw new Error('no store factory');
    for (const trustProxy of [true, false]) {
      const t = await startServer(factory, { trustProxy, limits: { ipRequests: 2 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await t.post(
            '/v1/password-resets',
            { email: `p${i}@example.com` },
            { 'x-forwarded-for': `203.0.113.${i}` },
          );
          statuses.push(res.status);
        }
        expect(statuses).toEqual(trustProxy ? [202, 202, 202, 202] : [202, 202, 429, 429]);
      } finally {
        await t.close();
      }
    }
  });

  it('HEAD answers like GET without a body', async () => {
    if (!factory) throw new Error('no store factory');
    const t = await startServer(factory);
    try {
      const res = await fetch(`${t.url}/v1/password-policy`, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
    } finally {
      await t.close();
    }
  });
});

for (const f of factories) {
  describe.skipIf(!f.available)(`several processes over one database [${f.name}]`, () => {
    it('share the signing key, rate limits, tokens and sessions', async () => {
      const db = await f.database();
      const start = async () => {
        // Behind one load balancer every process has the same public URL (the token issuer).
        const server = await createServer({
          dev: true,
          port: 0,
          publicUrl: 'https://auth.example',
          secret: 'shared-secret-0123456789-abcdefghijk',
          store: await db.open(),
          logger: silentLogger,
        });
        await server.listen();
        return server;
      };
      const a = await start();
      const b = await start();
      try {
        const jwks = async (url: string | undefined) =>
          (await fetch(`${url}/.well-known/jwks.json`)).json();
        expect(await jwks(a.url)).toEqual(await jwks(b.url));
        // The per-IP limit (30 / 5 min) counts requests on both.
        const post = (url: string | undefined, email: string) =>
          fetch(`${url}/v1/password-resets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email }),
          });
        for (let i = 0; i < 30; i++)
          expect((await post(i % 2 ? a.url : b.url, `shared${i}@example.com`)).status).toBe(202);
        expect((await post(a.url, 'over@example.com')).status).toBe(429);
        expect((await post(b.url, 'over@example.com')).status).toBe(429);
        // A token issued through one completes through the other; its session refreshes on the first.
        await seedAccount(a, 'both@example.com', 'active');
        const { createConnectClient } = await import('@connect-auth/core');
        const viaA = createConnectClient({
          baseUrl: a.url ?? '',
          retry: false,
          refreshBeforeExpiryMs: false,
        });
        const viaB = createConnectClient({
          baseUrl: b.url ?? '',
          retry: false,
          refreshBeforeExpiryMs: false,
        });
        const session = await viaB.signIn({
          email: 'both@example.com',
          password: 'Harbour-Lantern-42',
        });
        expect((await a.authenticate(session.accessToken)).email).toBe('both@example.com');
        expect(viaA.session).toBeNull();
      } finally {
        await a.close();
        await b.close();
        await db.destroy();
      }
    });
  });
}
