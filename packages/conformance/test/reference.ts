/**
 * Test harness: the reference server (createServer) on 127.0.0.1:0 over SQLite or PostgreSQL,
 * with migrated accounts imported, optionally wrapped by a deliberately broken layer in front of
 * its fetch app (`serve` over loopback, so the kit still talks real HTTP).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConnectServer,
  type CreateServerOptions,
  createServer,
  type FetchApp,
  importLegacyAccounts,
  openPostgresStore,
  openSqliteStore,
  type RunningServer,
  type Store,
  serve,
  silentLogger,
} from '@connect-auth/server';
import pg from 'pg';

export const SECRET = 'conformance-test-secret-0123456789-abcdef';

/** PostgreSQL used by tests: `TEST_DATABASE_URL`, else the local trust-auth server. */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers, and why not. */
export async function postgresAvailable(): Promise<{ ok: boolean; reason?: string }> {
  const client = new pg.Client({
    connectionString: testDatabaseUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      reason: `PostgreSQL unreachable at ${testDatabaseUrl}: ${(error as Error).message}`,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A store of the adapter and how to delete its database afterwards. */
export async function freshStore(
  kind: 'sqlite' | 'postgres',
): Promise<{ store: Store; destroy: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'connect-conformance-'));
    const store = await openSqliteStore({ path: join(dir, 'connect.db') });
    return { store, destroy: () => rm(dir, { recursive: true, force: true }) };
  }
  const schema = `ca_conf_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore({ url: testDatabaseUrl, schema });
  return { store, destroy: () => admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`) };
}

/** A running reference server, maybe behind a broken wrapper. */
export interface Reference {
  server: ConnectServer;
  /** Base URL the kit talks to (the wrapper's when there is one). */
  url: string;
  devInbox: string;
  migrated: string[];
  close(): Promise<void>;
}

/** Wraps the reference server's fetch app to break one promise of the contract. */
export type Breakage = (app: FetchApp, server: ConnectServer) => FetchApp;

/** Start the reference server in dev mode (dev inbox), import migrated accounts, maybe wrap it. */
export async function startReference(
  kind: 'sqlite' | 'postgres',
  options: { breakage?: Breakage; server?: CreateServerOptions } = {},
): Promise<Reference> {
  const { store, destroy } = await freshStore(kind);
  const server = await createServer({
    dev: true,
    port: 0,
    secret: SECRET,
    logger: silentLogger,
    mailPollMs: 60_000,
    store,
    ...options.server,
  });
  const inner = await server.listen();
  const id = randomBytes(3).toString('hex');
  const migrated = [`migrated-${id}-1@example.com`, `migrated-${id}-2@example.com`];
  const csv = `email,name\n${migrated.map((m, i) => `${m},Migrated ${i + 1}`).join('\n')}\n`;
  const summary = await importLegacyAccounts(store, csv, new Date());
  if (summary.imported !== 2) throw new Error(`imported ${summary.imported} accounts`);
  let outer: RunningServer | undefined;
  if (options.breakage) {
    const app = options.breakage(server.app, server);
    outer = await serve(app, { port: 0, hostname: '127.0.0.1' });
  }
  return {
    server,
    url: outer?.url ?? inner,
    devInbox: `${inner}/dev/mail`,
    migrated,
    async close() {
      await outer?.close();
      await server.close();
      await destroy();
    },
  };
}
