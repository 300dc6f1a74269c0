/**
 * The operator CLI as operators run it: `connect-auth-server …` as a child process (the bin's
 * entry, from source), against a real SQLite file or PostgreSQL schema and a real SMTP sink.
 * The campaign test imports 1,000 legacy accounts and sends exactly 1,000 activation mails; a
 * second run sends none. Takes ~20 s alone on two cores (mostly node start-ups and SMTP), ~125 s
 * inside a full parallel run; the timeouts below are hang guards sized for the latter.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnectClient } from '@connect-auth/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.ts';
import { type SmtpSink, startSmtpSink } from '../src/mail/testing.ts';
import { createServer } from '../src/server.ts';
import { storeFactories, testDatabaseUrl } from '../src/store/testing.ts';
import { SECRET, STRONG } from './helpers.ts';

const BIN = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `connect-auth-server …args` in a child process (as from a shell). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@connect-auth/source', BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', USER: 'ops-test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function json<T = Record<string, unknown>>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
}

interface Stats {
  total: number;
  byStatus: Record<string, number>;
  activationsByDay: Array<{ day: string; count: number }>;
  activationRate: number;
}

describe('operator CLI (child process, SQLite, real SMTP)', { timeout: 120_000 }, () => {
  let dir: string;
  let sink: SmtpSink;
  let db: string[];
  let mailEnv: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'connect-ops-'));
    sink = await startSmtpSink();
    db = ['--data-dir', join(dir, 'data')];
    mailEnv = {
      CONNECT_SECRET: SECRET,
      SMTP_URL: sink.url,
      PUBLIC_URL: 'http://127.0.0.1:9',
      APP_URL: 'https://app.example',
    };
  });
  afterAll(async () => {
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('--help on every command, usage errors exit 2, unknown accounts exit 1', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['accounts stats', 'send-activation', 'invite', 'admin-keys']) {
      expect(top.stdout).toContain(c);
    }
    const helps = await Promise.all([
      cli(['send-activation', '--help']),
      cli(['accounts', 'list', '--help']),
      cli(['admin-keys', 'create', '--help']),
    ]);
    expect(helps.map((h) => h.code)).toEqual([0, 0, 0]);
    expect(helps[0]?.stdout).toContain('--all-pending');
    expect(helps[0]?.stdout).toContain('--cooldown');
    expect(helps[1]?.stdout).toContain('--status');
    const [noScope, badStatus, badFlag, missing, badDuration] = await Promise.all([
      cli(['send-activation', ...db]),
      cli(['accounts', 'list', '--status', 'happy', ...db]),
      cli(['accounts', 'stats', '--frobnicate', ...db]),
      cli(['accounts', 'show', 'nobody@example.com', '--json', ...db]),
      cli(['send-activation', '--all-pending', '--cooldown', 'soon', ...db], mailEnv),
    ]);
    expect(noScope.code).toBe(2);
    expect(noScope.stderr).toContain('--all-pending, or --limit N');
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('--status must be one of');
    expect(badFlag.code).toBe(2);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toEqual({
      error: { code: 'not_found', message: 'No account has this email.' },
    });
    expect(badDuration.code).toBe(2);
    expect(badDuration.stderr).toContain('not a duration: "soon"');
  });

  it('imports 1,000 accounts, mails exactly 1,000 once, and stats follow the activations', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `owner${i}@example.com,Owner ${i}`);
    await writeFile(join(dir, 'legacy.csv'), ['email,name', ...rows].join('\n'));
    const imported = await cli(['import-legacy', join(dir, 'legacy.csv'), ...db]);
    expect(imported.stdout).toContain('imported 1000');
    const before = json<Stats>(await cli(['accounts', 'stats', '--json', ...db]));
    expect(before).toMatchObject({
      total: 1000,
      byStatus: { pending_activation: 1000, active: 0, pending_verification: 0, disabled: 0 },
      activationsByDay: [],
      activationRate: 0,
    });
    const dry = json(
      await cli(['send-activation', '--all-pending', '--dry-run', '--json', ...db], mailEnv),
    );
    expect(dry).toMatchObject({ due: 1000, sent: 0, dryRun: true });
    expect(sink.received).toHaveLength(0);

    const first = await cli(
      ['send-activation', '--all-pending', '--rate', '1000000', '--json', ...db],
      mailEnv,
    );
    expect(first.code).toBe(0);
    expect(json(first)).toMatchObject({ due: 1000, sent: 1000, skipped: 0, interrupted: false });
    expect(first.stderr).toContain('1000/1000 (100%)');
    // The CLI delivers what it queued before it exits.
    expect(sink.received).toHaveLength(1000);
    const recipients = new Set(sink.received.flatMap((m) => m.envelopeTo));
    expect(recipients.size).toBe(1000);
    expect(sink.received[0]?.subject).toBe('Password Reset Request for Codelocks Connect');

    const second = await cli(
      ['send-activation', '--all-pending', '--rate', '1000000', '--json', ...db],
      mailEnv,
    );
    expect(json(second)).toMatchObject({ due: 0, sent: 0 });
    expect(sink.received).toHaveLength(1000);

    // Three owners activate through the mailed links, over HTTP against the server.
    const server = await createServer({
      dataDir: join(dir, 'data'),
      secret: SECRET,
      dev: true,
      port: 0,
      logger: silentLogger,
    });
    try {
      const client = createConnectClient({ baseUrl: await server.listen() });
      for (const mail of sink.received.slice(0, 3)) {
        const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';
        const result = await client.completePasswordReset({ token, password: STRONG });
        expect(result.activated).toBe(true);
      }
      // Their notices go out through this server (its dev transport), not the CLI's SMTP below:
      // close() stops the worker and leaves what is still queued for the next process.
      await server.settled();
    } finally {
      await server.close();
    }
    const after = json<Stats>(await cli(['accounts', 'stats', '--json', ...db]));
    expect(after.byStatus).toEqual({
      pending_activation: 997,
      active: 3,
      pending_verification: 0,
      disabled: 0,
    });
    expect(after.activationsByDay).toEqual([
      { day: new Date().toISOString().slice(0, 10), count: 3 },
    ]);
    expect(after.activationRate).toBeCloseTo(0.003);
    const human = await cli(['accounts', 'stats', ...db]);
    expect(human.stdout).toMatch(/pending activation\s+997/);
    expect(human.stdout).toMatch(/activation rate\s+0\.3%/);
    // A shorter cooldown makes the 997 still pending due again: the reminder run.
    const reminder = json(
      await cli(
        [
          'send-activation',
          '--limit',
          '5',
          '--cooldown',
          '0s',
          '--rate',
          '1000000',
          '--json',
          ...db,
        ],
        mailEnv,
      ),
    );
    expect(reminder).toMatchObject({ due: 5, sent: 5 });
    expect(sink.received).toHaveLength(1005);
  }, 300_000);

  it('lists, shows, disables, enables, signs out and keeps the history', async () => {
    const listed = json<{ accounts: Array<{ email: string }> }>(
      await cli(['accounts', 'list', '--search', 'OWNER99', '--limit', '3', '--json', ...db]),
    );
    expect(listed.accounts.map((a) => a.email)).toEqual([
      'owner990@example.com',
      'owner991@example.com',
      'owner992@example.com',
    ]);
    const shown = json(await cli(['accounts', 'show', 'Owner5@Example.com', '--json', ...db]));
    expect(shown).toMatchObject({ email: 'owner5@example.com', status: 'pending_activation' });
    expect(JSON.stringify(shown)).not.toMatch(/password|hash|token/i);
    const disabled = await cli(['accounts', 'disable', 'owner5@example.com', ...db]);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain('is now disabled');
    const enabled = json(await cli(['accounts', 'enable', 'owner5@example.com', '--json', ...db]));
    expect(enabled).toMatchObject({ status: 'pending_activation' });
    const signedOut = await cli(['accounts', 'sign-out', 'owner5@example.com', ...db]);
    expect(signedOut.stdout).toContain('signed out everywhere');
    const history = json<{ entries: Array<{ action: string; actor: string }> }>(
      await cli(['accounts', 'history', 'owner5@example.com', '--json', ...db]),
    );
    expect(history.entries.map((e) => e.action)).toEqual([
      'account.sign_out',
      'account.enable',
      'account.disable',
      'activation.send',
    ]);
    expect(new Set(history.entries.map((e) => e.actor))).toEqual(new Set(['cli:ops-test']));
  });

  it('invites an associated user with a choose-a-password mail, once', async () => {
    const before = sink.received.length;
    const invited = json(
      await cli(
        ['invite', 'Team.Mate@Example.com', '--name', 'Team Mate', '--json', ...db],
        mailEnv,
      ),
    );
    expect(invited).toMatchObject({
      created: true,
      invited: true,
      account: { email: 'Team.Mate@example.com', status: 'pending_activation', name: 'Team Mate' },
    });
    await sink.waitFor(before + 1);
    const mail = sink.received.at(-1);
    expect(mail?.subject).toBe('You are invited to Codelocks Connect');
    expect(mail?.text).toContain('https://app.example/reset#token=');
    const active = await cli(['invite', 'owner0@example.com', ...db], mailEnv);
    expect(active.code).toBe(0);
    expect(active.stdout).toContain('already has an account (active); no invitation sent');
    const bad = await cli(['invite', 'not-an-email', ...db], mailEnv);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a valid email');
  });

  it('invites in the language asked for (--locale), and refuses what is not a language tag', async () => {
    const before = sink.received.length;
    const invited = await cli(
      ['invite', 'kollege@example.de', '--locale', 'de_AT', ...db],
      mailEnv,
    );
    expect(invited.code).toBe(0);
    await sink.waitFor(before + 1);
    expect(sink.received.at(-1)?.subject).toBe('Sie sind zu Codelocks Connect eingeladen');
    const bad = await cli(['invite', 'x@example.com', '--locale', 'fr fr', ...db], mailEnv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--locale: Not a language tag: "fr fr"');
    expect(sink.received.length).toBe(before + 1);
  });

  it("changes an account's email for Customer Services: activation to the new address only", async () => {
    const before = sink.received.length;
    const moved = json(
      await cli(
        [
          'accounts',
          'change-email',
          'owner1@example.com',
          'owner1.new@example.com',
          '--json',
          ...db,
        ],
        mailEnv,
      ),
    );
    expect(moved).toMatchObject({ email: 'owner1.new@example.com', status: 'pending_activation' });
    const mails = await sink.waitFor(before + 2);
    const fresh = mails.slice(before);
    const toNew = fresh.find((m) => m.envelopeTo.includes('owner1.new@example.com'));
    const toOld = fresh.find((m) => m.envelopeTo.includes('owner1@example.com'));
    expect(toNew?.text).toContain('https://app.example/reset#token=');
    expect(toOld?.subject).toBe('The email address of your Codelocks Connect account was changed');
    expect(toOld?.text).not.toContain('#token=');
    const taken = await cli(
      ['accounts', 'change-email', 'owner2@example.com', 'owner3@example.com', ...db],
      mailEnv,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('belongs to another account');
  });

  it('creates, lists and revokes admin keys; the key is shown once and never listed', async () => {
    const created = json<{ key: string; prefix: string }>(
      await cli(['admin-keys', 'create', 'cs-console', '--json', ...db]),
    );
    expect(created.key).toMatch(/^cak_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const list = await cli(['admin-keys', 'list', ...db]);
    expect(list.stdout).toContain(created.prefix);
    expect(list.stdout).not.toContain(created.key);
    expect((await cli(['admin-keys', 'revoke', created.prefix, ...db])).code).toBe(0);
    const again = await cli(['admin-keys', 'revoke', created.prefix, ...db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No active admin key');
  });
});

const postgres = (await storeFactories()).find((f) => f.name === 'postgres');

describe.skipIf(!postgres?.available)(
  'operator CLI on PostgreSQL (child process)',
  { timeout: 120_000 },
  () => {
    const schema = `ca_test_${randomBytes(6).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    const url = () => {
      const u = new URL(testDatabaseUrl);
      u.searchParams.set('options', `-c search_path=${schema}`);
      return u.href;
    };
    let dir: string;
    let sink: SmtpSink;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'connect-ops-pg-'));
      sink = await startSmtpSink();
      await admin(`CREATE SCHEMA "${schema}"`);
    });
    afterAll(async () => {
      await sink.stop();
      await admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await rm(dir, { recursive: true, force: true });
    });

    it('imports, campaigns once, and counts, with DATABASE_URL', async () => {
      const env = {
        DATABASE_URL: url(),
        CONNECT_SECRET: SECRET,
        SMTP_URL: sink.url,
        PUBLIC_URL: 'https://connect.example',
      };
      const rows = Array.from({ length: 50 }, (_, i) => `pg${i}@example.com,PG ${i}`);
      await writeFile(join(dir, 'legacy.csv'), ['email,name', ...rows].join('\n'));
      expect((await cli(['import-legacy', join(dir, 'legacy.csv')], env)).code).toBe(0);
      const first = json(
        await cli(['send-activation', '--all-pending', '--rate', '100000', '--json'], env),
      );
      expect(first).toMatchObject({ due: 50, sent: 50 });
      expect(sink.received).toHaveLength(50);
      const second = json(await cli(['send-activation', '--all-pending', '--json'], env));
      expect(second).toMatchObject({ due: 0, sent: 0 });
      await cli(['accounts', 'disable', 'pg7@example.com'], env);
      const stats = json<Stats>(await cli(['accounts', 'stats', '--json'], env));
      expect(stats.byStatus).toMatchObject({ pending_activation: 49, disabled: 1 });
    });
  },
);
