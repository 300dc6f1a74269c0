import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isStoreError } from './errors.ts';
import { openStore } from './index.ts';
import { openPostgresStore } from './postgres.ts';
import { createAccount } from './suite/fixtures.ts';
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
});
