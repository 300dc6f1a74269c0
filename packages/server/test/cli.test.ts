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

  it('#8 item 10: import-legacy refuses a file that is not UTF-8, naming the line, and imports nothing', async () => {
    const latin1 = Buffer.from(
      'email,name\nok@example.com,Ok\nrene@example.com,Ren\xe9 Dupont\n',
      'latin1',
    );
    await writeFile(join(dir, 'latin1.csv'), latin1);
    const c = capture();
    const data = join(dir, 'latin1-data');
    expect(await main(['import-legacy', join(dir, 'latin1.csv'), '--data-dir', data], c.io)).toBe(
      1,
    );
    expect(c.err()).toContain('latin1.csv:3: not valid UTF-8 (byte 21 of the line)');
    expect(c.err()).toContain('nothing was imported');
    expect(c.err()).not.toContain('\ufffd');
    expect(existsSync(join(data, 'connect-auth.db'))).toBe(false);
    // A truncated sequence at the very end is found too.
    await writeFile(
      join(dir, 'cut.csv'),
      Buffer.concat([Buffer.from('email,name\na@example.com,Ann '), Buffer.from([0xe2, 0x82])]),
    );
    const d = capture();
    expect(await main(['import-legacy', join(dir, 'cut.csv'), '--data-dir', data], d.io)).toBe(1);
    expect(d.err()).toContain('cut.csv:2: not valid UTF-8');
  });

  it('#8 item 10: import-legacy prints terminal escape sequences from the file escaped, never raw', async () => {
    const hostile = [
      'email,name',
      'evil\u001b[2J\u001b]0;pwned\u0007@example.com,Eve',
      'csi\u009b31m@example.com,Mallory',
      'ok@example.com,Name \u202eevil\u202c',
      '"quoted\u001b[1A",x',
    ].join('\n');
    await writeFile(join(dir, 'escapes.csv'), hostile);
    const c = capture();
    expect(
      await main(
        ['import-legacy', join(dir, 'escapes.csv'), '--data-dir', join(dir, 'esc-data')],
        c.io,
      ),
    ).toBe(1);
    const err = c.err();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none reach the terminal
    expect(err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
    expect(err).toContain('escapes.csv:2: invalid email');
    expect(err).toContain('\\u001b[2J');
    expect(err).toContain('\\u009b31m');
    const header = capture();
    await writeFile(join(dir, 'esc-header.csv'), 'email\u001b[31m,name\na@example.com,A\n');
    expect(
      await main(
        ['import-legacy', join(dir, 'esc-header.csv'), '--data-dir', join(dir, 'esc-data')],
        header.io,
      ),
    ).toBe(1);
    expect(header.err()).toContain('header must be');
    expect(header.err()).toContain('\\u001b[31m');
    expect(header.err()).not.toContain('\u001b');
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

  it('SECURITY 32 (#8 item 9): serve --dev refuses a non-loopback host unless forced, and then warns loudly', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.10', 'example.com']) {
      const c = capture();
      const code = await main(
        ['serve', '--dev', '--host', host, '--port', '0', '--data-dir', join(dir, 'dev-host')],
        c.io,
      );
      expect(code, host).toBe(2);
      expect(c.err()).toContain('HOST (--host)');
      expect(c.err()).toContain('--dev-public-host');
    }
    // The environment alone does not slip past either.
    const viaEnv = capture({ CONNECT_DEV: '1', HOST: '0.0.0.0' });
    expect(
      await main(['serve', '--port', '0', '--data-dir', join(dir, 'dev-host')], viaEnv.io),
    ).toBe(2);
    // Loopback spellings are fine.
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      const c = capture();
      let stop!: () => void;
      const shutdownSignal = new Promise<void>((r) => {
        stop = r;
      });
      const warnings: string[] = [];
      const running = main(
        ['serve', '--dev', '--host', host, '--port', '0', '--data-dir', join(dir, 'dev-host')],
        {
          ...c.io,
          shutdownSignal,
          onListening: () => stop(),
          serverOptions: {
            logger: { info() {}, warn: (e: string) => warnings.push(e), error() {} },
          },
        },
      );
      expect(await running, host).toBe(0);
      expect(c.err()).not.toContain('WARNING');
      expect(warnings).not.toContain('dev_public_host');
    }
    // Forced: it starts, and says so on stderr and in the log.
    const forced = capture();
    let stop!: () => void;
    const shutdownSignal = new Promise<void>((r) => {
      stop = r;
    });
    const warnings: string[] = [];
    const running = main(
      [
        'serve',
        '--dev',
        '--dev-public-host',
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--data-dir',
        join(dir, 'dev-host'),
      ],
      {
        ...forced.io,
        shutdownSignal,
        onListening: () => stop(),
        serverOptions: { logger: { info() {}, warn: (e: string) => warnings.push(e), error() {} } },
      },
    );
    expect(await running).toBe(0);
    expect(forced.err()).toContain('WARNING: dev mode is listening on 0.0.0.0');
    expect(warnings).toContain('dev_public_host');
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
