import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { at, MINUTE, T0 } from './suite/fixtures.ts';
import { type StoreFactory, storeFactories, type TestDatabase } from './testing.ts';
import type { RefreshTokenRecord } from './types.ts';

// Migration 6: one lineage index (account_id, family_id, parent_id) on refresh_tokens instead of
// three, applied to a database that already holds sessions, and the statements refresh tokens
// go through actually use it (EXPLAIN of the very statements the store sent).

const ACCOUNTS = 400;
const FAMILIES = 3;
const CHAIN = 5;
const FAR = Date.UTC(2100, 0, 1);

/** Accounts acct-<a>, each with FAMILIES chains of CHAIN rotations (only the last unused). */
const SEED = [
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ACCOUNTS})
   INSERT INTO accounts (id, email, email_key, status, created_at, updated_at)
   SELECT 'acct-' || i, 'u' || i || '@example.com', 'u' || i || '@example.com', 'active', 0, 0 FROM n`,
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ACCOUNTS})
   INSERT INTO refresh_tokens (id, family_id, account_id, token_hash, credential_version,
     created_at, expires_at, used_at, revoked_at, parent_id)
   SELECT 'rt-' || a.i || '-' || f.i || '-' || t.i, 'fam-' || a.i || '-' || f.i, 'acct-' || a.i,
     'hash-' || a.i || '-' || f.i || '-' || t.i, 1, ${T0.getTime()}, ${FAR},
     CASE WHEN t.i < ${CHAIN} THEN ${T0.getTime()} ELSE NULL END, NULL,
     CASE WHEN t.i > 1 THEN 'rt-' || a.i || '-' || f.i || '-' || (t.i - 1) ELSE NULL END
   FROM n a, n f, n t WHERE f.i <= ${FAMILIES} AND t.i <= ${CHAIN}`,
];

/** Put the schema back where migration 5 left it (the three single-column indexes). */
const BACK_TO_5 = [
  'DROP INDEX refresh_tokens_lineage',
  'CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)',
  'CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id)',
  'CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_id)',
  'DELETE FROM schema_migrations WHERE version = 6',
];

async function refreshIndexes(factory: StoreFactory, database: TestDatabase): Promise<string[]> {
  const rows =
    factory.name === 'sqlite'
      ? await database.query(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'refresh_tokens' AND name NOT LIKE 'sqlite_autoindex%'",
        )
      : await database.query(
          "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'refresh_tokens' AND indexdef NOT LIKE 'CREATE UNIQUE%'",
        );
  return rows.map((r) => String(r.name)).sort();
}

interface Sent {
  text: string;
  values: unknown[];
}

/** Record every statement the store sends while `run` runs. */
async function capture(factory: StoreFactory, run: () => Promise<void>): Promise<Sent[]> {
  const sent: Sent[] = [];
  if (factory.name === 'sqlite') {
    const prepare = DatabaseSync.prototype.prepare;
    vi.spyOn(DatabaseSync.prototype, 'prepare').mockImplementation(function (
      this: DatabaseSync,
      text: string,
      ...rest: unknown[]
    ) {
      sent.push({ text, values: [] });
      return (prepare as (...a: unknown[]) => ReturnType<typeof prepare>).call(this, text, ...rest);
    });
  } else {
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const [first, second] = args;
      if (typeof first === 'string')
        sent.push({ text: first, values: (second as unknown[]) ?? [] });
      else if (first && typeof first === 'object' && 'text' in first) {
        const config = first as { text: string; values?: unknown[] };
        sent.push({ text: config.text, values: config.values ?? [] });
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
  }
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return sent;
}

/** The plan of one captured statement, as one string. */
async function plan(database: TestDatabase, statement: Sent): Promise<string> {
  const { location } = database;
  if (location.kind === 'sqlite') {
    const db = new DatabaseSync(location.path);
    try {
      return db
        .prepare(`EXPLAIN QUERY PLAN ${statement.text}`)
        .all()
        .map((r) => String(r.detail))
        .join(' | ');
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({
    connectionString: location.url,
    options: `-c search_path=${location.schema}`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${statement.text}`,
      statement.values,
    );
    return rows.map((r) => r['QUERY PLAN'].trim()).join(' | ');
  } finally {
    await client.end();
  }
}

function next(): RefreshTokenRecord {
  const id = crypto.randomUUID();
  return {
    id,
    familyId: 'ignored',
    accountId: 'ignored',
    tokenHash: `next-${id}`,
    credentialVersion: 1,
    createdAt: at(MINUTE),
    expiresAt: new Date(FAR),
    usedAt: null,
    revokedAt: null,
  };
}

for (const factory of await storeFactories()) {
  if (!factory.available)
    console.warn(`[store] ${factory.name} lineage index test skipped: ${factory.reason}`);
  const title = factory.available ? factory.name : `${factory.name} (skipped: ${factory.reason})`;
  describe.skipIf(!factory.available)(`${title}: refresh token lineage index`, () => {
    let database: TestDatabase | undefined;
    afterEach(async () => {
      vi.restoreAllMocks();
      await database?.destroy();
      database = undefined;
    });

    it('migration 6 replaces the three indexes on a database holding sessions, and refresh statements use it', async () => {
      database = await factory.database();
      const db = database;
      await (await db.open()).close();
      for (const statement of SEED) await db.query(statement);
      for (const statement of BACK_TO_5) await db.query(statement);
      expect(await refreshIndexes(factory, db)).toEqual([
        'refresh_tokens_account',
        'refresh_tokens_family',
        'refresh_tokens_parent',
      ]);

      const store = await db.open();
      try {
        expect(await refreshIndexes(factory, db)).toEqual(['refresh_tokens_lineage']);
        expect(await db.query('SELECT version FROM schema_migrations WHERE version = 6')).toEqual([
          { version: 6 },
        ]);
        expect(await db.query('SELECT COUNT(*) AS n FROM refresh_tokens')).toEqual([
          { n: ACCOUNTS * FAMILIES * CHAIN },
        ]);
        await db.query('ANALYZE');

        const now = at(MINUTE);
        const sent = await capture(factory, async () => {
          // A rotation, a sibling within the grace window (counts the children), a replay after
          // it (revokes the family), an explicit sign-out, sign-out everywhere, disabling.
          expect((await store.rotateRefreshToken('hash-1-1-5', next(), now)).ok).toBe(true);
          const sibling = await store.rotateRefreshToken('hash-1-1-5', next(), now, {
            reuseGraceMs: MINUTE,
          });
          expect(sibling).toMatchObject({ ok: true, grace: true });
          expect(await store.rotateRefreshToken('hash-1-1-5', next(), at(3 * MINUTE))).toEqual({
            ok: false,
            reason: 'reused',
          });
          await store.revokeRefreshFamily('hash-2-1-5', now);
          expect(await store.revokeAllSessions('acct-3', now)).toBe(FAMILIES * CHAIN);
          await store.setAccountDisabled('acct-4', true, now);
        });
        // The effects landed on exactly the lineage each statement names.
        expect(
          await db.query(
            "SELECT COUNT(*) AS n FROM refresh_tokens WHERE family_id = 'fam-1-1' AND revoked_at IS NOT NULL",
          ),
        ).toEqual([{ n: CHAIN + 2 }]);
        expect(
          await db.query(
            "SELECT COUNT(*) AS n FROM refresh_tokens WHERE account_id = 'acct-2' AND revoked_at IS NOT NULL",
          ),
        ).toEqual([{ n: CHAIN }]);

        const onRefresh = [
          ...new Map(
            sent.filter((s) => /refresh_tokens/.test(s.text)).map((s) => [s.text, s]),
          ).values(),
        ];
        const plans = await Promise.all(onRefresh.map((s) => plan(db, s)));
        // No statement reads the whole table…
        for (const [i, p] of plans.entries()) {
          expect(p, onRefresh[i]?.text).not.toMatch(
            /SCAN refresh_tokens|Seq Scan on refresh_tokens/,
          );
        }
        // …and each kind of lineage lookup finds its rows through the new index.
        const lookups = {
          children: /parent_id = /,
          family: /SET revoked_at = \S+ WHERE account_id = \S+ AND family_id = /,
          'family by token': /\(account_id, family_id\) =/,
          account: /SET revoked_at = \S+ WHERE account_id = \S+ AND revoked_at IS NULL/,
        };
        for (const [name, pattern] of Object.entries(lookups)) {
          const i = onRefresh.findIndex((s) => pattern.test(s.text.replace(/\s+/g, ' ')));
          expect(i, `${name}: statement not sent`).toBeGreaterThanOrEqual(0);
          expect(plans[i], name).toMatch(/refresh_tokens_lineage/);
        }
      } finally {
        await store.close();
      }
    }, 30_000);
  });
}
