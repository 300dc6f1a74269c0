import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from './config.ts';
import { loadConfig, SETTINGS } from './config-env.ts';

const secret = 's'.repeat(32);

describe('configuration', () => {
  it('has safe defaults in dev', () => {
    const c = loadConfig({ env: {}, argv: ['--dev'] });
    expect(c).toMatchObject({
      port: 8787,
      dev: true,
      hostname: '127.0.0.1',
      policy: 'connect',
      autoSignInAfterReset: false,
      trustProxy: false,
    });
  });

  it('reads env and lets flags win', () => {
    const c = loadConfig({
      env: {
        PORT: '9000',
        CONNECT_POLICY: 'connect',
        SMTP_URL: 'smtp://localhost:25',
        CONNECT_SECRET: secret,
        PUBLIC_URL: 'https://auth.example/',
      },
      argv: ['--port', '9001', '--policy', 'nist-800-63b'],
    });
    expect(c.port).toBe(9001);
    expect(c.policy).toBe('nist-800-63b');
    expect(c.publicUrl).toBe('https://auth.example');
    expect(c.appUrl).toBe('https://auth.example');
  });

  it('names every offending key', () => {
    let error: unknown;
    try {
      loadConfig({
        env: {
          PORT: 'eighty',
          CONNECT_POLICY: 'weak',
          CONNECT_SECRET: 'short',
          TRUST_PROXY: 'maybe',
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).issues.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'PORT (--port)',
        'CONNECT_POLICY (--policy)',
        'CONNECT_SECRET',
        'TRUST_PROXY (--trust-proxy)',
        'SMTP_URL (--smtp-url)',
      ]),
    );
    expect((error as Error).message).toContain('PORT (--port): must be an integer');
  });

  it('refuses a PUBLIC_URL or APP_URL with a query, fragment or credentials (links are appended to them)', () => {
    for (const url of [
      'https://app.example/?campaign=x',
      'https://app.example/#top',
      'https://user:pw@app.example',
    ]) {
      expect(() => loadConfig({ argv: ['--dev', '--app-url', url] })).toThrow(/APP_URL/);
      expect(() => loadConfig({ argv: ['--dev', '--public-url', url] })).toThrow(/PUBLIC_URL/);
    }
    expect(loadConfig({ argv: ['--dev', '--app-url', 'https://app.example/portal/'] }).appUrl).toBe(
      'https://app.example/portal',
    );
  });

  it('never repeats a password from a bad DATABASE_URL or SMTP_URL in the error', () => {
    for (const [flag, value] of [
      ['--database-url', 'mysql://app:s3cret-pw@db.internal/connect'],
      ['--database-url', 'postgres//app:s3cret-pw@db.internal/connect'],
      ['--smtp-url', 'smtpx://mailer:s3cret-pw@smtp.example:587'],
      ['--smtp-url', 'http://smtp.example/?password=s3cret-pw'],
    ] as const) {
      let message = '';
      try {
        loadConfig({ argv: ['--dev', flag, value] });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/DATABASE_URL|SMTP_URL/);
      expect(message).not.toContain('s3cret-pw');
    }
  });

  it('rejects unknown flags and bad URLs', () => {
    expect(() => loadConfig({ argv: ['--dev', '--nope'] })).toThrow(ConfigError);
    expect(() => loadConfig({ argv: ['--dev', '--public-url', 'ftp://x'] })).toThrow(/PUBLIC_URL/);
    expect(() =>
      loadConfig({ argv: ['--dev', '--allowed-origins', 'https://a.example/path'] }),
    ).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe('refresh reuse grace window', () => {
  it('defaults to 10 s, reads env and flag, and refuses what is not 0…300 whole seconds', () => {
    expect(loadConfig({ argv: ['--dev'] }).refreshReuseGraceSeconds).toBe(10);
    expect(
      loadConfig({ env: { REFRESH_REUSE_GRACE_SECONDS: '0' }, argv: ['--dev'] })
        .refreshReuseGraceSeconds,
    ).toBe(0);
    expect(
      loadConfig({
        env: { REFRESH_REUSE_GRACE_SECONDS: '5' },
        argv: ['--dev', '--refresh-reuse-grace', '30'],
      }).refreshReuseGraceSeconds,
    ).toBe(30);
    for (const bad of ['-1', '1.5', 'ten', '301'])
      expect(() =>
        loadConfig({ env: { REFRESH_REUSE_GRACE_SECONDS: bad }, argv: ['--dev'] }),
      ).toThrow(/REFRESH_REUSE_GRACE_SECONDS \(--refresh-reuse-grace\)/);
    expect(() => resolveConfig({ dev: true, refreshReuseGraceSeconds: 0.5 })).toThrow(ConfigError);
  });
});

describe('database statement timeout', () => {
  it('defaults to 15 s, reads env and flag, refuses what is not 0…3600 whole seconds', () => {
    expect(loadConfig({ argv: ['--dev'] }).databaseStatementTimeoutSeconds).toBe(15);
    expect(
      loadConfig({
        env: { DATABASE_STATEMENT_TIMEOUT_SECONDS: '5' },
        argv: ['--dev', '--database-statement-timeout', '0'],
      }).databaseStatementTimeoutSeconds,
    ).toBe(0);
    for (const bad of ['-1', '2.5', 'soon', '3601'])
      expect(() =>
        loadConfig({ env: { DATABASE_STATEMENT_TIMEOUT_SECONDS: bad }, argv: ['--dev'] }),
      ).toThrow(/DATABASE_STATEMENT_TIMEOUT_SECONDS \(--database-statement-timeout\)/);
  });
});

describe('SQLite WAL checkpoints', () => {
  it('defaults to the worker, reads env and flag, refuses anything else', () => {
    expect(loadConfig({ argv: ['--dev'] }).sqliteWalCheckpoint).toBe('worker');
    expect(
      loadConfig({ env: { SQLITE_WAL_CHECKPOINT: 'connection' }, argv: ['--dev'] })
        .sqliteWalCheckpoint,
    ).toBe('connection');
    expect(
      loadConfig({
        env: { SQLITE_WAL_CHECKPOINT: 'connection' },
        argv: ['--dev', '--sqlite-wal-checkpoint', 'worker'],
      }).sqliteWalCheckpoint,
    ).toBe('worker');
    expect(() => loadConfig({ env: { SQLITE_WAL_CHECKPOINT: 'thread' }, argv: ['--dev'] })).toThrow(
      /SQLITE_WAL_CHECKPOINT \(--sqlite-wal-checkpoint\): must be "worker" or "connection"/,
    );
  });
});

describe('hashing threads', () => {
  it('defaults to the cores (unset), reads env and flag, refuses what is not 1…256', () => {
    expect(loadConfig({ argv: ['--dev'] }).hashThreads).toBeUndefined();
    expect(loadConfig({ env: { HASH_THREADS: '1' }, argv: ['--dev'] }).hashThreads).toBe(1);
    expect(
      loadConfig({ env: { HASH_THREADS: '1' }, argv: ['--dev', '--hash-threads', '3'] })
        .hashThreads,
    ).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two', '257'])
      expect(() => loadConfig({ env: { HASH_THREADS: bad }, argv: ['--dev'] })).toThrow(
        /HASH_THREADS \(--hash-threads\): must be/,
      );
    expect(() => resolveConfig({ dev: true, hashThreads: 0.5 })).toThrow(ConfigError);
  });
});

const docs = await readFile(new URL('../../../docs/server.md', import.meta.url), 'utf8');

describe('docs/server.md › Configuration', () => {
  const section = docs.slice(
    docs.indexOf('## Configuration'),
    docs.indexOf('\n## ', docs.indexOf('## Configuration') + 1),
  );
  const rows = section
    .split('\n')
    .filter(
      (line) => line.startsWith('| ') && !line.startsWith('| flag') && !line.startsWith('| ---'),
    )
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const byEnv = new Map(rows.map((cells) => [cells[2]?.replaceAll('`', ''), cells]));

  it('lists every setting once, with its flag, and nothing else', () => {
    expect([...byEnv.keys()].sort()).toEqual(SETTINGS.map((s) => s.env).sort());
    for (const setting of SETTINGS) {
      expect(byEnv.get(setting.env)?.[1]).toBe(setting.flag ? `\`--${setting.flag}\`` : '—');
    }
  });

  it('gives the defaults the code uses', () => {
    const config = resolveConfig({ dev: true });
    const defaults: Record<string, string> = {
      PORT: String(config.port),
      DATA_DIR: config.dataDir,
      CONNECT_POLICY: config.policy,
      SUPPORT_URL: config.supportUrl,
      MAIL_FROM: config.mailFrom,
      REFRESH_REUSE_GRACE_SECONDS: String(config.refreshReuseGraceSeconds),
      DATABASE_STATEMENT_TIMEOUT_SECONDS: String(config.databaseStatementTimeoutSeconds),
      SQLITE_WAL_CHECKPOINT: config.sqliteWalCheckpoint,
    };
    for (const [env, value] of Object.entries(defaults)) {
      expect(byEnv.get(env)?.[3]).toContain(value);
      expect(SETTINGS.find((s) => s.env === env)?.help).toContain(value);
    }
  });
});
