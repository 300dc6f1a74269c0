import { afterEach, describe, expect, it } from 'vitest';
import { at, MINUTE, T0 } from './suite/fixtures.ts';
import { storeFactories, type TestDatabase } from './testing.ts';

// Migration 7 (SQLite): refresh_tokens is rebuilt without the primary key index on `id`, on a
// database that already holds sessions — every row and column kept, the foreign key and its
// cascade kept, the hash still unique, the lineage index back, and rotation working on the
// rebuilt table.

const sqlite = (await storeFactories()).find((f) => f.name === 'sqlite');
const FAR = Date.UTC(2100, 0, 1);
const COLUMNS =
  'id, family_id, account_id, token_hash, credential_version, created_at, expires_at, used_at, revoked_at, parent_id';

/** The table as migrations 1, 2 and 6 left it (id the primary key). */
const BACK_TO_6 = [
  `CREATE TABLE refresh_tokens_v6 (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    credential_version INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT,
    parent_id TEXT
  )`,
  `INSERT INTO refresh_tokens_v6 (${COLUMNS}) SELECT ${COLUMNS} FROM refresh_tokens`,
  'DROP TABLE refresh_tokens',
  'ALTER TABLE refresh_tokens_v6 RENAME TO refresh_tokens',
  'CREATE INDEX refresh_tokens_lineage ON refresh_tokens (account_id, family_id, parent_id)',
  'DELETE FROM schema_migrations WHERE version = 7',
];

const SEED = [
  `INSERT INTO accounts (id, email, email_key, status, credential_version, created_at, updated_at)
   VALUES ('acct-1', 'a@example.com', 'a@example.com', 'active', 1, 0, 0),
          ('acct-2', 'b@example.com', 'b@example.com', 'active', 1, 0, 0)`,
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
   INSERT INTO refresh_tokens (${COLUMNS})
   SELECT 'rt-' || a.i || '-' || n.i, 'fam-' || a.i, 'acct-' || a.i, 'hash-' || a.i || '-' || n.i, 1,
     ${T0.getTime()}, ${FAR}, CASE WHEN n.i < 50 THEN ${T0.getTime() + 1} ELSE NULL END,
     CASE WHEN n.i = 7 THEN ${T0.getTime() + 2} ELSE NULL END,
     CASE WHEN n.i > 1 THEN 'rt-' || a.i || '-' || (n.i - 1) ELSE NULL END
   FROM n, (SELECT 1 AS i UNION ALL SELECT 2) a`,
];

const everyRow = `SELECT ${COLUMNS} FROM refresh_tokens ORDER BY id`;

describe.skipIf(!sqlite?.available)(
  'sqlite: migration 7, refresh tokens without an id index',
  () => {
    let database: TestDatabase | undefined;
    afterEach(async () => {
      await database?.destroy();
      database = undefined;
    });

    it('rebuilds the table on a database holding sessions, keeping every row, the foreign key and the lineage index', async () => {
      if (!sqlite) return;
      database = await sqlite.database();
      const db = database;
      await (await db.open()).close();
      for (const statement of SEED) await db.query(statement);
      for (const statement of BACK_TO_6) await db.query(statement);
      const indexes = async () =>
        (await db.query('PRAGMA index_list(refresh_tokens)'))
          .map((r) => `${String(r.origin)}:${String(r.unique)}`)
          .sort();
      // Before: the primary key's index, the hash's, the lineage index.
      expect(await indexes()).toEqual(['c:0', 'pk:1', 'u:1']);
      const before = await db.query(everyRow);
      expect(before).toHaveLength(100);

      const store = await db.open();
      try {
        expect(await db.query('SELECT version FROM schema_migrations WHERE version = 7')).toEqual([
          { version: 7 },
        ]);
        expect(await indexes()).toEqual(['c:0', 'u:1']);
        expect(await db.query(everyRow)).toEqual(before);
        expect(
          (await db.query("PRAGMA index_info('refresh_tokens_lineage')")).map((r) => r.name),
        ).toEqual(['account_id', 'family_id', 'parent_id']);

        // The hash stays unique; the foreign key still refuses an unknown account.
        await expect(
          db.query(
            `INSERT INTO refresh_tokens (${COLUMNS}) VALUES ('x', 'f', 'acct-1', 'hash-1-3', 1, 0, ${FAR}, NULL, NULL, NULL)`,
          ),
        ).rejects.toThrow(/UNIQUE/);
        await expect(
          db.query(
            `INSERT INTO refresh_tokens (${COLUMNS}) VALUES ('y', 'f', 'nobody', 'hash-new', 1, 0, ${FAR}, NULL, NULL, NULL)`,
          ),
        ).rejects.toThrow(/FOREIGN KEY/);

        // Rotation on the rebuilt table: the unused end of a chain rotates once, then is reuse.
        const next = (n: number) => ({
          id: `next-${n}`,
          familyId: 'ignored',
          accountId: 'ignored',
          tokenHash: `next-hash-${n}`,
          credentialVersion: 1,
          createdAt: at(MINUTE),
          expiresAt: new Date(FAR),
          usedAt: null,
          revokedAt: null,
        });
        expect((await store.rotateRefreshToken('hash-1-50', next(1), at(MINUTE))).ok).toBe(true);
        expect(
          await db.query(
            "SELECT family_id, account_id, parent_id FROM refresh_tokens WHERE id = 'next-1'",
          ),
        ).toEqual([{ family_id: 'fam-1', account_id: 'acct-1', parent_id: 'rt-1-50' }]);
        expect(await store.rotateRefreshToken('hash-1-50', next(2), at(2 * MINUTE))).toEqual({
          ok: false,
          reason: 'reused',
        });

        // Deleting an account cascades to its tokens (node:sqlite enforces foreign keys).
        await db.query("DELETE FROM accounts WHERE id = 'acct-2'");
        expect(
          await db.query("SELECT COUNT(*) AS n FROM refresh_tokens WHERE account_id = 'acct-2'"),
        ).toEqual([{ n: 0 }]);
      } finally {
        await store.close();
      }
    });
  },
);
