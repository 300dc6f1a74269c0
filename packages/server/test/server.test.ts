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
import { factories, rejection, seedAccount, startServer } from './helpers.ts';

const factory = factories[0];

describe('createServer', () => {
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
