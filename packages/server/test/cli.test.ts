import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { storeFactories, testDatabaseUrl } from '../src/store/testing.ts';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const CSV = [
  'email,name',
  'Ann.Lee@Example.COM,Ann Lee',
  '"bob@example.com","Bob ""The Builder"" Smith"',
  'not-an-email,Nobody',
  'carol@example.com',
  'ann.lee@example.com,Ann again',
  '"dave@example.com","Dave',
  'on two lines"',
  'eve@example.com,Eve\u0007',
  '',
  'frank@xn--bcher-kva.example,Frank',
].join('\r\n');

describe('CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'connect-cli-'));
    await writeFile(join(dir, 'accounts.csv'), CSV);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('import-legacy reports bad rows by line number and imports the rest', async () => {
    const c = capture();
    const code = await main(
      ['import-legacy', join(dir, 'accounts.csv'), '--data-dir', join(dir, 'data')],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err()).toContain('accounts.csv:4: invalid email "not-an-email"');
    expect(c.err()).toContain('accounts.csv:5: expected 2 fields, got 1');
    expect(c.err()).toContain('accounts.csv:6: duplicate of an earlier row');
    expect(c.err()).toContain('accounts.csv:7: invalid name'); // a quoted line break is a control character
    expect(c.err()).toContain('accounts.csv:9: invalid name');
    expect(c.out()).toContain('Read 8 rows: imported 3');
    const store = await openSqliteStore({ path: join(dir, 'data', 'connect-auth.db') });
    try {
      const ann = await store.findAccountByEmailKey('ann.lee@example.com');
      expect(ann).toMatchObject({
        email: 'Ann.Lee@example.com',
        name: 'Ann Lee',
        status: 'pending_activation',
        passwordHash: null,
      });
      expect((await store.findAccountByEmailKey('bob@example.com'))?.name).toBe(
        'Bob "The Builder" Smith',
      );
      expect(await store.findAccountByEmailKey('dave@example.com')).toBeNull();
      expect((await store.findAccountByEmailKey('frank@xn--bcher-kva.example'))?.name).toBe(
        'Frank',
      );
    } finally {
      await store.close();
    }
  });

  it('import-legacy is idempotent: a second run imports nothing', async () => {
    const c = capture();
    const code = await main(
      ['import-legacy', join(dir, 'accounts.csv'), '--data-dir', join(dir, 'data')],
      c.io,
    );
    expect(code).toBe(1); // the same bad rows are still reported
    expect(c.out()).toContain('imported 0, already present 3');
  });

  it('import-legacy rejects a wrong header and a missing file', async () => {
    await writeFile(join(dir, 'bad.csv'), 'mail,fullname\na@b.io,A\n');
    const c = capture();
    expect(
      await main(['import-legacy', join(dir, 'bad.csv'), '--data-dir', join(dir, 'data')], c.io),
    ).toBe(1);
    expect(c.err()).toContain('bad.csv:1: header must be "email,name"');
    const d = capture();
    expect(
      await main(
        ['import-legacy', join(dir, 'missing.csv'), '--data-dir', join(dir, 'data')],
        d.io,
      ),
    ).toBe(1);
    expect(d.err()).toContain('ENOENT');
    const e = capture();
    expect(await main(['import-legacy'], e.io)).toBe(2);
  });

  it('import-legacy takes an optional locale column; set-locale changes it', async () => {
    await writeFile(
      join(dir, 'locales.csv'),
      'locale,email,name\nfr,Elodie@Example.fr,Élodie\n,none@example.com,None\nen_GB,gb@example.co.uk,Gee\nnot a tag,x@example.com,X\n',
    );
    const data = join(dir, 'locale-data');
    const c = capture();
    expect(await main(['import-legacy', join(dir, 'locales.csv'), '--data-dir', data], c.io)).toBe(
      1,
    );
    expect(c.err()).toContain('locales.csv:5: invalid locale "not a tag"');
    expect(c.out()).toContain('imported 3');

    const set = capture();
    expect(
      await main(['set-locale', 'ELODIE@example.fr', 'de-AT', '--data-dir', data], set.io),
    ).toBe(0);
    expect(set.out()).toContain('Elodie@example.fr: locale de-AT; mails are written in de.');
    const reset = capture();
    expect(
      await main(['set-locale', 'gb@example.co.uk', 'default', '--data-dir', data], reset.io),
    ).toBe(0);
    const nobody = capture();
    expect(
      await main(['set-locale', 'nobody@example.com', 'fr', '--data-dir', data], nobody.io),
    ).toBe(1);
    expect(nobody.err()).toContain('No account for nobody@example.com.');
    const bad = capture();
    expect(
      await main(['set-locale', 'none@example.com', 'fr fr', '--data-dir', data], bad.io),
    ).toBe(2);
    expect(bad.err()).toContain('Not a language tag: "fr fr"');
    expect(await main(['set-locale', 'none@example.com'], capture().io)).toBe(2);
    const help = capture();
    expect(await main(['set-locale', '--help'], help.io)).toBe(0);
    expect(help.out()).toContain('Usage: connect-auth-server set-locale');

    const store = await openSqliteStore({ path: join(data, 'connect-auth.db') });
    try {
      expect((await store.findAccountByEmailKey('elodie@example.fr'))?.locale).toBe('de-AT');
      expect((await store.findAccountByEmailKey('none@example.com'))?.locale).toBeNull();
      expect((await store.findAccountByEmailKey('gb@example.co.uk'))?.locale).toBeNull();
      expect(await store.findAccountByEmailKey('x@example.com')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('--help on every command', async () => {
    const top = capture();
    expect(await main(['--help'], top.io)).toBe(0);
    expect(top.out()).toContain('import-legacy');
    const serve = capture();
    expect(await main(['serve', '--help'], serve.io)).toBe(0);
    for (const flag of [
      '--port',
      '--data-dir',
      '--dev',
      '--smtp-url',
      '--public-url',
      '--policy',
      'DATABASE_URL',
      'CONNECT_SECRET',
    ]) {
      expect(serve.out()).toContain(flag);
    }
    const imp = capture();
    expect(await main(['import-legacy', '--help'], imp.io)).toBe(0);
    expect(imp.out()).toContain('email,name');
    const unknown = capture();
    expect(await main(['frobnicate'], unknown.io)).toBe(2);
  });

  it('serve refuses invalid configuration with a clear error naming the key', async () => {
    const c = capture({ PORT: '99999', CONNECT_POLICY: 'lax' });
    expect(await main(['serve'], c.io)).toBe(2);
    expect(c.err()).toContain('PORT (--port): must be an integer between 0 and 65535');
    expect(c.err()).toContain('CONNECT_POLICY (--policy)');
    expect(c.err()).toContain('SMTP_URL (--smtp-url): is required unless --dev');
    expect(c.err()).toContain('CONNECT_SECRET');
  });

  it('serve reports a shutdown that failed and exits 1 instead of rejecting', async () => {
    const c = capture();
    let stop!: () => void;
    const shutdownSignal = new Promise<void>((r) => {
      stop = r;
    });
    let listening = false;
    const running = main(['serve', '--dev', '--port', '0', '--data-dir', join(dir, 'serve-fail')], {
      ...c.io,
      shutdownSignal,
      onListening: () => {
        listening = true;
      },
      serverOptions: {
        logger: { info() {}, warn() {}, error() {} },
        transport: {
          send: async () => {},
          close: async () => {
            throw new Error('relay hung up');
          },
        },
      },
    });
    while (!listening) await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(await running).toBe(1);
    expect(c.err()).toContain('Shutdown did not complete cleanly: relay hung up');
  });

  it('serve --dev starts, prints its URL and the dev inbox, and shuts down gracefully', async () => {
    const c = capture();
    let stop!: () => void;
    const shutdownSignal = new Promise<void>((r) => {
      stop = r;
    });
    let url = '';
    const running = main(['serve', '--dev', '--port', '0', '--data-dir', join(dir, 'serve-data')], {
      ...c.io,
      shutdownSignal,
      onListening: (server) => {
        url = server.url ?? '';
      },
      serverOptions: { logger: { info() {}, warn() {}, error() {} } },
    });
    while (!url) await new Promise((r) => setTimeout(r, 10));
    const res = await fetch(`${url}/v1/password-policy`);
    expect(res.status).toBe(200);
    expect(c.out()).toContain(`listening on ${url}`);
    expect(c.out()).toContain(`Dev inbox: ${url}/dev/inbox`);
    stop();
    expect(await running).toBe(0);
    expect(c.out()).toContain('Stopped.');
  });
});

const postgres = (await storeFactories()).find((f) => f.name === 'postgres');
if (!postgres?.available) console.warn(`[cli] PostgreSQL import skipped: ${postgres?.reason}`);

describe.skipIf(!postgres?.available)(
  postgres?.available
    ? 'CLI import-legacy on PostgreSQL'
    : `CLI import-legacy on PostgreSQL (skipped: ${postgres?.reason})`,
  () => {
    const schema = `ca_test_${randomBytes(6).toString('hex')}`;
    let dir: string;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'connect-cli-pg-'));
      await writeFile(join(dir, 'accounts.csv'), CSV);
      // An isolated schema through libpq's `options` URL parameter, as docs/server.md describes.
      await admin(`CREATE SCHEMA "${schema}"`);
    });
    afterAll(async () => {
      await admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await rm(dir, { recursive: true, force: true });
    });
    const databaseUrl = () => {
      const url = new URL(testDatabaseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return url.href;
    };

    it('imports from DATABASE_URL, reports bad rows, and a second run (--database-url) imports nothing', async () => {
      const first = capture({ DATABASE_URL: databaseUrl() });
      // --data-dir is ignored when a database URL is given: nothing may be written there.
      const unused = join(dir, 'not-used');
      expect(
        await main(['import-legacy', join(dir, 'accounts.csv'), '--data-dir', unused], first.io),
      ).toBe(1);
      expect(first.err()).toContain('accounts.csv:4: invalid email "not-an-email"');
      expect(first.err()).toContain('accounts.csv:6: duplicate of an earlier row');
      expect(first.out()).toContain('Read 8 rows: imported 3, already present 0');
      const store = await openPostgresStore({ url: testDatabaseUrl, schema });
      try {
        expect(await store.findAccountByEmailKey('ann.lee@example.com')).toMatchObject({
          email: 'Ann.Lee@example.com',
          name: 'Ann Lee',
          status: 'pending_activation',
          passwordHash: null,
        });
        expect((await store.findAccountByEmailKey('bob@example.com'))?.name).toBe(
          'Bob "The Builder" Smith',
        );
      } finally {
        await store.close();
      }
      const second = capture();
      expect(
        await main(
          ['import-legacy', join(dir, 'accounts.csv'), '--database-url', databaseUrl()],
          second.io,
        ),
      ).toBe(1);
      expect(second.out()).toContain('imported 0, already present 3');
      expect(existsSync(unused)).toBe(false);
    });

    it('says so, without the password, when the database cannot be opened', async () => {
      const c = capture({ DATABASE_URL: 'postgres://someone:s3cret-pw@127.0.0.1:1/nowhere' });
      expect(await main(['import-legacy', join(dir, 'accounts.csv')], c.io)).toBe(1);
      expect(c.err()).toContain('Cannot open the database');
      expect(c.err()).not.toContain('s3cret-pw');
    });
  },
);
