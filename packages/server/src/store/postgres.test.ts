import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isStoreError } from './errors.ts';
import { openStore } from './index.ts';
import { DEFAULT_STATEMENT_TIMEOUT_MS, openPostgresStore, poolOf } from './postgres.ts';
import { SIGN_IN_LOCK_CLASS } from './sql/sign-in.ts';
import { at, createAccount, MINUTE, refreshToken, reserveInput } from './suite/fixtures.ts';
import { queriesSent, statementsSent, waitsFor } from './suite/pg-probes.ts';
import { storeFactories, testDatabaseUrl } from './testing.ts';

const postgres = (await storeFactories()).find((f) => f.name === 'postgres');
if (!postgres?.available) console.warn(`[store] PostgreSQL specifics skipped: ${postgres?.reason}`);
const title = postgres?.available
  ? 'PostgreSQL adapter specifics'
  : `PostgreSQL adapter specifics (skipped: ${postgres?.reason})`;

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

describe.skipIf(!postgres?.available)(title, () => {
  it('rejects a schema name that is not a plain identifier', async () => {
    for (const schema of ['Public', 'a-b', 'x"; DROP SCHEMA public; --', '']) {
      const error = await openPostgresStore({ url: testDatabaseUrl, schema }).catch(
        (e: unknown) => e,
      );
      expect(isStoreError(error, 'invalid_options')).toBe(true);
    }
  });

  it('isolates schemas from each other through search_path', async () => {
    const a = await postgres?.open();
    const b = await postgres?.open();
    if (!a || !b) throw new Error('no store');
    const account = await createAccount(a);
    expect(await b.findAccountById(account.id)).toBeNull();
    expect(await a.findAccountById(account.id)).toEqual(account);
    await a.close();
    await b.close();
  });

  it('close waits for in-flight operations and then rejects new ones', async () => {
    const store = await postgres?.open();
    if (!store) throw new Error('no store');
    const pending = Array.from({ length: 20 }, () => store.hitRateLimit('k', 60_000, new Date()));
    await store.close();
    const hits = await Promise.all(pending);
    expect(Math.max(...hits.map((h) => h.count))).toBe(20);
    const error = await store.findAccountById('x').catch((e: unknown) => e);
    expect(isStoreError(error, 'closed')).toBe(true);
  });

  it('openStore opens PostgreSQL for a postgres:// URL', async () => {
    const schema = `ca_test_${randomBytes(6).toString('hex')}`;
    // openStore uses the server default search path; point it at a fresh schema via the URL.
    const url = new URL(testDatabaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    try {
      const store = await openStore({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
      expect(store.kind).toBe('postgres');
      await createAccount(store);
      await store.close();
    } finally {
      await dropSchema(schema);
    }
  });

  describe('statement_timeout on pooled connections', () => {
    const open = async (statementTimeoutMs?: number) => {
      const schema = `ca_test_${randomBytes(6).toString('hex')}`;
      const store = await openPostgresStore({
        url: testDatabaseUrl,
        schema,
        ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }),
      });
      return { store, schema };
    };
    const show = async (store: Awaited<ReturnType<typeof open>>['store']) => {
      const pool = poolOf(store);
      if (!pool) throw new Error('no pool');
      // Check several connections of the pool at once, not just the first.
      const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
      try {
        return await Promise.all(
          clients.map(async (c) => (await c.query('SHOW statement_timeout')).rows[0]),
        );
      } finally {
        for (const c of clients) c.release();
      }
    };

    it('is 15 s by default and follows statementTimeoutMs', async () => {
      expect(DEFAULT_STATEMENT_TIMEOUT_MS).toBe(15_000);
      for (const [ms, shown] of [
        [undefined, '15s'],
        [2_500, '2500ms'],
      ] as const) {
        const { store, schema } = await open(ms);
        try {
          expect(await show(store)).toEqual(Array(3).fill({ statement_timeout: shown }));
        } finally {
          await store.close();
          await dropSchema(schema);
        }
      }
      const error = await openPostgresStore({ url: testDatabaseUrl, statementTimeoutMs: -1 }).catch(
        (e: unknown) => e,
      );
      expect(isStoreError(error, 'invalid_options')).toBe(true);
    });

    it('a statement stuck on a lock is cancelled, so close() does not wait forever', async () => {
      const { store, schema } = await open(300);
      const blocker = new pg.Client({ connectionString: testDatabaseUrl });
      await blocker.connect();
      try {
        await store.hitRateLimit('stuck', 60_000, new Date());
        // Another session holds the row: the store's next upsert of it waits for the lock.
        await blocker.query('BEGIN');
        await blocker.query(`SELECT * FROM "${schema}".rate_limits WHERE key = 'stuck' FOR UPDATE`);
        const hit = store.hitRateLimit('stuck', 60_000, new Date()).catch((e: unknown) => e);
        const started = performance.now();
        await store.close();
        const waited = performance.now() - started;
        expect((await hit) as { code?: string }).toMatchObject({ code: '57014' });
        console.info(
          `[postgres] close() with a query stuck on a lock returned after ${waited.toFixed(0)} ms (statement_timeout 300 ms)`,
        );
        expect(waited).toBeLessThan(10_000);
      } finally {
        await blocker.query('ROLLBACK').catch(() => undefined);
        await blocker.end();
        await dropSchema(schema);
      }
    });
  });

  describe('refresh rotation', () => {
    it('a successful rotation is one statement relaxing its own commit; a replay revokes in a strict transaction', async () => {
      const store = await postgres?.open();
      if (!store) throw new Error('no store');
      try {
        const account = await createAccount(store);
        const first = refreshToken(account);
        await store.insertRefreshToken(first);
        const rotation = await queriesSent(async () => {
          const result = await store.rotateRefreshToken(
            first.tokenHash,
            refreshToken(account),
            at(1),
          );
          expect(result).toMatchObject({ ok: true, account: { id: account.id } });
        });
        // No BEGIN/COMMIT: one round trip, which turns synchronous_commit off for itself only,
        // a prepared statement (parsed and planned once per connection, not per refresh).
        expect(rotation).toHaveLength(1);
        expect(rotation[0]?.text).toContain("set_config('synchronous_commit', 'off', true)");
        expect(rotation[0]?.name).toBe('connect_auth_rotate_refresh_token');
        const replay = await statementsSent(async () => {
          const result = await store.rotateRefreshToken(
            first.tokenHash,
            refreshToken(account),
            at(2),
          );
          expect(result).toEqual({ ok: false, reason: 'reused' });
        });
        // The one-statement attempt changed nothing, so nothing relaxed; the revocation then
        // commits in a transaction that waits for the WAL flush.
        expect(replay[1]).toBe('BEGIN');
        expect(replay.at(-1)).toBe('COMMIT');
        expect(replay.some((text) => /UPDATE refresh_tokens SET revoked_at/.test(text))).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('the prepared rotation and sign-in statements keep working after a newer server adds a column to accounts', async () => {
      // A rolling upgrade: another process migrates while this one's connections hold prepared
      // statements. One connection, so the second calls reuse the first calls' statements.
      const schema = `ca_test_${randomBytes(6).toString('hex')}`;
      const store = await openPostgresStore({ url: testDatabaseUrl, schema, max: 1 });
      const migrator = new pg.Client({ connectionString: testDatabaseUrl });
      await migrator.connect();
      try {
        const account = await createAccount(store);
        const [one, two] = [refreshToken(account), refreshToken(account)];
        await store.insertRefreshToken(one);
        await store.insertRefreshToken(two);
        const use = async (token: typeof one, minute: number) => {
          const rotated = await store.rotateRefreshToken(
            token.tokenHash,
            refreshToken(account),
            at(minute * MINUTE),
          );
          expect(rotated).toMatchObject({ ok: true, account: { id: account.id } });
          const reserved = await store.reserveSignIn(
            reserveInput(account.emailKey, { now: at(minute * MINUTE) }),
          );
          expect(reserved.account?.id).toBe(account.id);
        };
        await use(one, 1);
        await migrator.query(`ALTER TABLE "${schema}".accounts ADD COLUMN added_later TEXT`);
        await use(two, 2);
      } finally {
        await migrator.end();
        await store.close();
        await dropSchema(schema);
      }
    });

    it('a rotation waits for whoever holds its account row, then sees what they did', async () => {
      // Every multi-statement change of an account locks its row first (lockAccount); a sign-out
      // everywhere or a reset must not miss a token a rotation inserts meanwhile.
      const store = await postgres?.open();
      const pool = store && poolOf(store);
      if (!store || !pool) throw new Error('no store');
      const holder = await pool.connect();
      const watcher = await pool.connect();
      try {
        const account = await createAccount(store);
        const token = refreshToken(account);
        await store.insertRefreshToken(token);
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM accounts WHERE id = $1 FOR NO KEY UPDATE', [account.id]);
        const rotation = store.rotateRefreshToken(token.tokenHash, refreshToken(account), at(1));
        // The rotation waits for the holder's lock (rather than, wrongly, finishing).
        expect(await waitsFor(holder, watcher, rotation)).toBe(true);
        await holder.query('UPDATE refresh_tokens SET revoked_at = 1 WHERE account_id = $1', [
          account.id,
        ]);
        await holder.query('COMMIT');
        expect(await rotation).toEqual({ ok: false, reason: 'revoked' });
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        holder.release();
        watcher.release();
        await store.close();
      }
    });
  });

  it("one email's sign-in statements wait for each other; another email's, from the same IP, do not", async () => {
    // The per-email advisory lock: one email's rate-limit rows are only ever changed by one
    // statement at a time, so the multi-row statements cannot deadlock.
    const store = await postgres?.open();
    const pool = store && poolOf(store);
    if (!store || !pool) throw new Error('no store');
    const holder = await pool.connect();
    const watcher = await pool.connect();
    const keys = (email: string) => ({
      lock: `signin ${email} `,
      ip: 'ip:signin:192.0.2.1',
      source: `signin ${email} source 192.0.2.1`,
      wait: `signin ${email} wait 192.0.2.1`,
      account: `signin ${email} account`,
      known: `known-source ${email} 192.0.2.1`,
    });
    const reserve = (email: string) =>
      store.reserveSignIn({
        emailKey: email,
        keys: keys(email),
        now: at(0),
        ip: { windowMs: 60_000, limit: 50 },
        source: { windowMs: 60_000, delayFrom: 5 },
        account: { windowMs: 60_000, hardStop: 20 },
      });
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        SIGN_IN_LOCK_CLASS,
        keys('held@example.com').lock,
      ]);
      const held = reserve('held@example.com');
      expect(await waitsFor(holder, watcher, held)).toBe(true);
      // Another email from the same IP goes ahead (and counts the IP first).
      expect((await reserve('other@example.com')).ip?.count).toBe(1);
      await holder.query('COMMIT');
      expect((await held).ip?.count).toBe(2);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
      watcher.release();
      await store.close();
    }
  });

  it('a connection the database terminated while idle is not handed to the next operation', async () => {
    // The database drops idle connections (restart, failover, pg_terminate_backend); operations
    // that start right after must not fail on a dead pooled connection — found by the
    // adversarial fault suite, where the first sign-in after the database came back answered 500.
    const schema = `ca_test_${randomBytes(6).toString('hex')}`;
    const app = `ca_stale_${randomBytes(4).toString('hex')}`;
    const url = new URL(testDatabaseUrl);
    url.searchParams.set('application_name', app);
    const store = await openPostgresStore({ url: url.toString(), schema, max: 6 });
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    const failures: string[] = [];
    try {
      const account = await createAccount(store);
      for (let round = 0; round < 10; round++) {
        // Six idle pooled connections, then the database ends them all.
        await Promise.all(Array.from({ length: 6 }, () => store.findAccountById(account.id)));
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
          [app],
        );
        const results = await Promise.allSettled([
          store.findAccountById(account.id), // one statement, no transaction
          store.hitRateLimit(`stale-${round}`, 60_000, new Date()), // a write, no transaction
          store.revokeRefreshFamily('no-such-token', new Date()), // a transaction
        ]);
        for (const result of results) {
          if (result.status === 'rejected') failures.push(String(result.reason));
        }
      }
      expect(failures).toEqual([]);
      // Each write ran once: retried attempts had not reached the database.
      expect((await store.peekRateLimit('stale-0', new Date()))?.count).toBe(1);
    } finally {
      await admin.end();
      await store.close();
      await dropSchema(schema);
    }
  });
});
