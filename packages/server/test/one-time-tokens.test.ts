/**
 * Tokens and codes (SECURITY 4, 5, 8, 9, 11, 12).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { setAccountStatus } from '../src/store/testing.ts';
import { factories, rejection, seedAccount, startServer, testClock } from './helpers.ts';

const NEW = 'Lighthouse-Keeper-7';
const sqliteFactory = factories.find((f) => f.name === 'sqlite');

for (const factory of factories) {
  describe.skipIf(!factory.available)(`tokens and codes [${factory.name}]`, () => {
    it('SECURITY 4: codes allow 5 wrong attempts, then even the right code is refused', async () => {
      const t = await startServer(factory);
      try {
        await seedAccount(t, 'codes@example.com', 'active');
        const client = t.client();
        await client.requestPasswordReset({ email: 'codes@example.com' });
        const mail = await t.lastMail('codes@example.com');
        const right = mail?.code ?? '';
        const wrong = right === '12345678' ? '87654321' : '12345678';
        for (let i = 0; i < 5; i++) {
          expect(
            (
              await rejection(
                client.completePasswordReset({
                  email: 'codes@example.com',
                  code: wrong,
                  password: NEW,
                }),
              )
            ).code,
          ).toBe('code_invalid');
        }
        expect(
          (
            await rejection(
              client.completePasswordReset({
                email: 'codes@example.com',
                code: right,
                password: NEW,
              }),
            )
          ).code,
        ).toBe('code_invalid');
        // The link still works: the code limit does not burn the token.
        expect(
          (await client.completePasswordReset({ token: mail?.token ?? '', password: NEW })).status,
        ).toBe('password_changed');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 4: parallel code guesses cannot exceed the attempt limit; weak passwords spend none', async () => {
      const t = await startServer(factory);
      try {
        await seedAccount(t, 'burst-codes@example.com', 'active');
        const client = t.client();
        await client.requestPasswordReset({ email: 'burst-codes@example.com' });
        const right = (await t.lastMail('burst-codes@example.com'))?.code ?? '';
        // Weak passwords are refused before the code is looked at: no attempt spent.
        for (let i = 0; i < 10; i++) {
          const weak = await rejection(
            client.completePasswordReset({
              email: 'burst-codes@example.com',
              code: right,
              password: 'password',
            }),
          );
          expect(weak.code).toBe('weak_password');
        }
        const guesses = Array.from({ length: 20 }, (_, i) => String(10_000_000 + i)).filter(
          (c) => c !== right,
        );
        const answers = await Promise.all(
          guesses.map((code) =>
            t.post('/v1/password-resets/complete', {
              email: 'burst-codes@example.com',
              code,
              password: NEW,
            }),
          ),
        );
        for (const res of answers) expect((await res.json()).code).toBe('code_invalid');
        const token = await t.store.findLatestToken(
          (await t.store.findAccountByEmailKey('burst-codes@example.com'))?.id ?? '',
          ['reset'],
        );
        expect(token?.codeAttempts).toBe(guesses.length);
        const late = await rejection(
          client.completePasswordReset({
            email: 'burst-codes@example.com',
            code: right,
            password: NEW,
          }),
        );
        expect(late.code).toBe('code_invalid');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 17: the notice says what the reset transaction did, not what was read before it', async () => {
      const t = await startServer(factory);
      try {
        const account = await seedAccount(t, 'raced@example.com', 'pending_activation');
        const client = t.client();
        await client.requestPasswordReset({ email: 'raced@example.com' });
        const token = (await t.lastMail('raced@example.com', 'account_activation'))?.token ?? '';
        // Another call activates the account between the service's read and the transaction.
        const complete = t.store.completePasswordReset.bind(t.store);
        t.store.completePasswordReset = async (input) => {
          await setAccountStatus(t.store, account.id, 'active', new Date());
          return complete(input);
        };
        const result = await client.completePasswordReset({ token, password: NEW });
        expect(result.activated).toBe(false);
        const notice = await t.lastMail('raced@example.com', 'password_changed');
        expect(notice?.data.activated).toBe(false);
      } finally {
        await t.close();
      }
    });

    it('SECURITY 4, 16: code attempts are limited per address, known or not, with the same answer', async () => {
      const t = await startServer(factory, {
        limits: { ipRequests: 100_000, codeAttemptsPerAddress: 3 },
      });
      try {
        await seedAccount(t, 'limited-codes@example.com', 'active');
        await t.client().requestPasswordReset({ email: 'limited-codes@example.com' });
        const right = (await t.lastMail('limited-codes@example.com'))?.code ?? '';
        const wrong = right === '12345678' ? '87654321' : '12345678';
        const attempt = async (email: string, code: string) => {
          const res = await t.post('/v1/password-resets/complete', { email, code, password: NEW });
          const body = await res.json();
          return `${res.status} ${body.code}`;
        };
        for (const email of ['limited-codes@example.com', 'nobody-codes@example.com']) {
          const answers = [];
          for (let i = 0; i < 3; i++) answers.push(await attempt(email, wrong));
          answers.push(await attempt(email, right));
          expect(answers).toEqual([
            '400 code_invalid',
            '400 code_invalid',
            '400 code_invalid',
            '429 rate_limited',
          ]);
        }
        // The per-address limit refused the right code before comparing it: still unused.
        const account = await t.store.findAccountByEmailKey('limited-codes@example.com');
        expect((await t.store.findLatestToken(account?.id ?? '', ['reset']))?.codeAttempts).toBe(4);
      } finally {
        await t.close();
      }
    });

    for (const [purpose, status, ttl] of [
      ['reset', 'active', 3_600_000],
      ['activation', 'pending_activation', 24 * 3_600_000],
    ] as const) {
      it(`SECURITY 5: a ${purpose} token works at T−1 s and is refused at T and T+1 s (injected clock)`, async () => {
        const clock = testClock();
        const t = await startServer(factory, { clock: clock.now });
        try {
          const client = t.client();
          const issue = async (email: string) => {
            await seedAccount(t, email, status);
            const start = clock.now().getTime();
            await client.requestPasswordReset({ email });
            const token = (await t.lastMail(email))?.token ?? '';
            return { token, expiry: start + ttl };
          };
          const a = await issue(`a-${purpose}@example.com`);
          clock.set(new Date(a.expiry - 1000));
          expect((await client.verifyResetToken(a.token)).purpose).toBe(purpose);
          expect(new Date((await client.verifyResetToken(a.token)).expiresAt).getTime()).toBe(
            a.expiry,
          );
          expect(
            (await client.completePasswordReset({ token: a.token, password: NEW })).status,
          ).toBe('password_changed');
          const b = await issue(`b-${purpose}@example.com`);
          clock.set(new Date(b.expiry));
          expect((await rejection(client.verifyResetToken(b.token))).code).toBe('token_expired');
          expect(
            (await rejection(client.completePasswordReset({ token: b.token, password: NEW }))).code,
          ).toBe('token_expired');
          clock.set(new Date(b.expiry + 1000));
          expect((await rejection(client.verifyResetToken(b.token))).code).toBe('token_expired');
          expect(
            (await rejection(client.completePasswordReset({ token: b.token, password: NEW }))).code,
          ).toBe('token_expired');
        } finally {
          await t.close();
        }
      });
    }

    it('SECURITY 8: a newer request supersedes older tokens and codes; tokens are bound to their purpose', async () => {
      const clock = testClock();
      const t = await startServer(factory, { clock: clock.now });
      try {
        await seedAccount(t, 'twice@example.com', 'active');
        const client = t.client();
        await client.requestPasswordReset({ email: 'twice@example.com' });
        const old = await t.lastMail('twice@example.com');
        clock.advance(61_000);
        await client.requestPasswordReset({ email: 'twice@example.com' });
        const fresh = await t.lastMail('twice@example.com');
        expect(fresh?.id).not.toBe(old?.id);
        expect((await rejection(client.verifyResetToken(old?.token ?? ''))).code).toBe(
          'token_superseded',
        );
        if (old?.code !== fresh?.code) {
          expect(
            (
              await rejection(
                client.completePasswordReset({
                  email: 'twice@example.com',
                  code: old?.code ?? '',
                  password: NEW,
                }),
              )
            ).code,
          ).toBe('code_invalid');
        }
        // Purpose binding: a registration token is not a reset token, and the other way round.
        await client.register({ email: 'bound@example.com', password: NEW });
        const verify = await t.lastMail('bound@example.com', 'verify_email');
        expect((await rejection(client.verifyResetToken(verify?.token ?? ''))).code).toBe(
          'token_invalid',
        );
        expect(
          (
            await rejection(
              client.completePasswordReset({ token: verify?.token ?? '', password: NEW }),
            )
          ).code,
        ).toBe('token_invalid');
        expect((await rejection(client.verifyEmail(fresh?.token ?? ''))).code).toBe(
          'token_invalid',
        );
        expect(
          (await client.completePasswordReset({ token: fresh?.token ?? '', password: NEW })).status,
        ).toBe('password_changed');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 9: verifying any number of times consumes nothing', async () => {
      const t = await startServer(factory);
      try {
        await seedAccount(t, 'scanner@example.com', 'active');
        const client = t.client();
        await client.requestPasswordReset({ email: 'scanner@example.com' });
        const token = (await t.lastMail('scanner@example.com'))?.token ?? '';
        for (let i = 0; i < 5; i++)
          expect((await client.verifyResetToken(token)).email).toBe('scanner@example.com');
        expect((await client.completePasswordReset({ token, password: NEW })).status).toBe(
          'password_changed',
        );
      } finally {
        await t.close();
      }
    });

    it('SECURITY 11: links come from the configured URL; Host and X-Forwarded-Host are ignored', async () => {
      const t = await startServer(factory, {
        publicUrl: 'https://auth.example',
        appUrl: 'https://app.example/portal',
      });
      try {
        await seedAccount(t, 'hosts@example.com', 'active');
        const body = JSON.stringify({ email: 'hosts@example.com' });
        const { port } = new URL(t.url);
        const status = await new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/v1/password-resets',
              headers: {
                host: 'evil.example',
                'x-forwarded-host': 'evil.example',
                'x-forwarded-proto': 'http',
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end(body);
        });
        expect(status).toBe(202);
        const mail = await t.lastMail('hosts@example.com');
        expect(mail?.link?.startsWith('https://app.example/portal/reset#token=')).toBe(true);
        expect(JSON.stringify(mail?.data)).not.toContain('evil.example');
        // The server never redirects: no open-redirect surface.
        const res = await t.post('/v1/password-resets/verify', { token: mail?.token });
        expect(res.status).toBe(200);
        expect(res.headers.get('location')).toBeNull();
      } finally {
        await t.close();
      }
    });

    it('SECURITY 12: mail goes to the stored address; email must be one clean string', async () => {
      const t = await startServer(factory);
      try {
        await seedAccount(t, 'Owner.Case@example.com', 'active');
        expect(
          (await t.post('/v1/password-resets', { email: '  owner.case@EXAMPLE.com ' })).status,
        ).toBe(202);
        const mails = await t.mails();
        expect(mails.map((m) => m.to)).toEqual(['Owner.Case@example.com']);
        const bad = [
          ['Owner.Case@example.com', 'x@evil.example'],
          { email: 'Owner.Case@example.com' },
          'Owner.Case@example.com\r\nBcc: x@evil.example',
          'Owner.Case@example.com\u0000',
          `${'a'.repeat(250)}@example.com`,
          'Owner.Case@example.com,x@evil.example',
          42,
          null,
        ];
        for (const email of bad) {
          const res = await t.post('/v1/password-resets', { email });
          expect([JSON.stringify(email), res.status]).toEqual([JSON.stringify(email), 400]);
          expect((await res.json()).code).toBe('validation_failed');
        }
        expect(await t.mails()).toHaveLength(1);
        expect(t.logger.lines.filter((l) => l.event === 'reset_requested')).toHaveLength(1);
      } finally {
        await t.close();
      }
    });
  });
}

describe.skipIf(!sqliteFactory)('SECURITY 4: raw tokens and codes are never stored', () => {
  it('no table of the database holds the raw token or code, only 256-bit tokens go out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'connect-raw-'));
    const path = join(dir, 'db.sqlite');
    const store = await openSqliteStore({ path });
    const t = await startServer(sqliteFactory as NonNullable<typeof sqliteFactory>, { store });
    try {
      await seedAccount(t, 'raw@example.com', 'active');
      await t.client().requestPasswordReset({ email: 'raw@example.com' });
      const mail = await t.lastMail('raw@example.com');
      const token = mail?.token ?? '';
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      await t.client().signIn({ email: 'raw@example.com', password: 'Harbour-Lantern-42' });
      const db = new DatabaseSync(path, { readOnly: true });
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all() as Array<{ name: string }>;
      let dump = '';
      for (const { name } of tables)
        dump += JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      db.close();
      expect(dump.length).toBeGreaterThan(1000);
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(mail?.code ?? '');
      expect(dump).not.toContain('Harbour-Lantern-42');
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
