/**
 * The kit as users run it: `pnpm pack` of core, server and conformance, installed into a temp
 * project, both bins on PATH. The reference server is started from its own CLI (SQLite, real
 * SMTP towards the kit's sink) with migrated accounts imported by `import-legacy`, and
 * `connect-auth-conformance` runs against it over loopback. Usage errors and a failing backend
 * give the documented exit codes.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const PACKAGES = ['core', 'server', 'conformance'] as const;

let dir: string;
let env: NodeJS.ProcessEnv;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a package's dist is missing or older than its newest source file. */
function stale(pkg: string): boolean {
  const built = join(pkg, 'dist', 'index.js');
  if (!existsSync(built)) return true;
  const newest = readdirSync(join(pkg, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
  return newest > statSync(built).mtimeMs;
}

/** Run the installed bin and collect its output and exit code. */
function kit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('connect-auth-conformance', args, { env, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connect-conformance-cli-'));
  for (const name of PACKAGES) {
    const pkg = join(root, 'packages', name);
    // `npm test` builds before testing; a targeted run rebuilds a package whose src is newer.
    if (stale(pkg)) await run('pnpm', ['run', 'build'], { cwd: pkg });
    await run('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg });
  }
  const app = join(dir, 'app');
  await run('mkdir', ['-p', app]);
  await writeFile(
    join(app, 'package.json'),
    '{ "name": "kit-user", "private": true, "type": "module" }\n',
  );
  // The packed server and kit depend on @connect-auth/core ^0.0.0: point it at the packed core.
  await writeFile(
    join(app, 'pnpm-workspace.yaml'),
    'overrides:\n  "@connect-auth/core": "file:../connect-auth-core-0.0.0.tgz"\n',
  );
  await run(
    'pnpm',
    ['add', '--prefer-offline', ...PACKAGES.map((name) => `../connect-auth-${name}-0.0.0.tgz`)],
    { cwd: app },
  );
  // The bins run on the Node running this test (the workspace's Node 24), as `npm test` does.
  env = {
    ...process.env,
    PATH: [dirname(process.execPath), join(app, 'node_modules', '.bin'), process.env.PATH].join(
      delimiter,
    ),
    NODE_OPTIONS: '',
  };
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('connect-auth-conformance, packed and installed', () => {
  it('passes the reference server started from its CLI, reading mail through its own SMTP sink', async () => {
    const [port, smtpPort] = [await freePort(), await freePort()];
    const data = join(dir, 'data');
    const csv = join(dir, 'migrated.csv');
    const migrated = ['cli-m1@example.com', 'cli-m2@example.com'];
    await writeFile(csv, `email,name\n${migrated.map((m) => `${m},Migrated`).join('\n')}\n`);
    const imported = await run('connect-auth-server', ['import-legacy', csv, '--data-dir', data], {
      env,
    });
    expect(imported.stdout).toContain('imported 2');
    const url = `http://127.0.0.1:${port}`;
    const server: ChildProcess = spawn(
      'connect-auth-server',
      [
        'serve',
        '--port',
        String(port),
        '--data-dir',
        data,
        '--public-url',
        url,
        '--smtp-url',
        `smtp://127.0.0.1:${smtpPort}`,
        '--allowed-origins',
        'https://app.example',
      ],
      { env: { ...env, CONNECT_SECRET: 'cli-conformance-secret-0123456789abcdefgh' }, cwd: dir },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout?.on('data', (d) => {
          out += d;
          if (out.includes('listening on')) resolve();
        });
        server.stderr?.on('data', (d) => {
          out += d;
        });
        server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      });
      const report = join(dir, 'report.xml');
      const result = await kit([
        '--url',
        url,
        '--smtp-port',
        String(smtpPort),
        '--migrated',
        migrated.join(','),
        '--origin',
        'https://app.example',
        '--report',
        'junit',
        '--output',
        report,
      ]);
      // With --output the summary goes to stdout.
      expect(result.stdout).toContain('CONFORMS');
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/PASS {2}activation\.verify-does-not-consume/);
      expect(result.stdout).toMatch(/SKIP {2}reset\.superseded .*\n.*--mail-cooldown/);
      const xml = await readFile(report, 'utf8');
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="connect-auth-conformance" tests="\d+" failures="0"/,
      );
      expect(xml).toContain('name="activation.code"');
      expect(xml).toMatch(/<skipped message="needs a controllable clock/);
      console.info(result.stdout);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  it('exits 1 with TAP "not ok" lines when the backend breaks the contract', async () => {
    // A backend that answers 200 {} to everything.
    const fake: Server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const address = fake.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await kit(['--url', `http://127.0.0.1:${port}`, '--only', 'transport.']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^TAP version 14\n1\.\.\d+\n/);
      expect(result.stdout).toMatch(/^not ok \d+ - transport\.not-found - /m);
      expect(result.stdout).toMatch(/# SKIP not selected \(--only\)/);
      expect(result.stderr).toContain('DOES NOT CONFORM: transport.not-found');
      expect(result.stderr).toContain('expected 404 not_found');
    } finally {
      await new Promise((resolve) => fake.close(resolve));
    }
  });

  it("runs on the machine's own Node (engines: >=20), not only the workspace's Node 24", async () => {
    // The first Node on PATH outside node_modules: on this project's machines, Debian's Node 20.
    const systemNode = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((p) => p && !p.includes('node_modules'))
      .map((p) => join(p, 'node'))
      .find((p) => existsSync(p) && p !== process.execPath);
    expect(systemNode, 'a Node.js on PATH besides the workspace one').toBeDefined();
    const version = await run(systemNode as string, ['--version']);
    expect(Number(/^v(\d+)/.exec(version.stdout)?.[1])).toBeGreaterThanOrEqual(20);
    const bin = join(dir, 'app', 'node_modules', '@connect-auth', 'conformance', 'dist', 'cli.js');
    const fake: Server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const address = fake.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      // A backend that breaks the contract must exit 1 there too (an entry point that silently
      // did nothing would exit 0).
      const result = await run(systemNode as string, [
        bin,
        '--url',
        `http://127.0.0.1:${port}`,
        '--only',
        'transport.',
      ]).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^not ok \d+ - transport\.not-found - /m);
    } finally {
      await new Promise((resolve) => fake.close(resolve));
    }
  });

  it('exits 2 with a clear message on bad usage, and help exits 0', async () => {
    const missing = await kit([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--url is required');
    const both = await kit([
      '--url',
      'http://x.test',
      '--smtp-port',
      '1',
      '--dev-inbox',
      'http://x.test/m',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('exclude each other');
    const port = await kit(['--url', 'http://x.test', '--smtp-port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--smtp-port: expected a whole number');
    const report = await kit(['--url', 'http://x.test', '--report', 'html']);
    expect(report.stderr).toContain('--report: expected tap or junit');
    const unknown = await kit(['--url', 'ftp://x.test']);
    expect(unknown.stderr).toContain('--url: must be http:// or https://');
    const help = await kit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 every check that ran passed');
    const list = await kit(['--list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^transport\.not-found\t§1 Transport and errors/m);
  });

  it('a run in which nothing ran is not a pass (exit 1)', async () => {
    const result = await kit(['--url', 'http://127.0.0.1:9', '--only', 'no-such-check']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NOTHING PROVEN');
  });

  it('cannot reach the backend: every check fails with the reason, exit 1', async () => {
    const port = await freePort();
    const result = await kit(['--url', `http://127.0.0.1:${port}`, '--only', 'policy.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /FAIL {2}policy\.served[^\n]*\n\s+✗ GET \/v1\/password-policy: no answer/,
    );
  });
});
