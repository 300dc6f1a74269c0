/**
 * What the consumer suite does to a package the way a user would: `pnpm pack` every package,
 * `npm i` the tarballs into fresh projects outside the workspace, build them with the user's
 * tools, start the packed server's CLI, and look at the result in headless Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where every run works: outside the workspace, so no `node_modules` of the repository can be
 * found by walking up. The npm cache lives next to it and is kept between runs.
 */
export const WORK = join(tmpdir(), 'connect-auth-consumer');
export const NPM_CACHE = join(WORK, 'npm-cache');

/** The packages, as `pnpm pack` writes them. */
export const PACKAGES = ['core', 'elements', 'server', 'conformance'] as const;
export type PackageName = (typeof PACKAGES)[number];

/** Node 24 (the one running the tests) first on PATH: the server CLI and the bundlers use it. */
export const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  npm_config_cache: NPM_CACHE,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  // Not inherited from `pnpm run`: npm must behave as it does in a user's shell.
  npm_config_user_agent: undefined,
  npm_config_node_gyp: undefined,
  NODE_OPTIONS: undefined,
  NODE_ENV: undefined,
  VITEST: undefined,
  VITEST_MODE: undefined,
  VITEST_POOL_ID: undefined,
  VITEST_WORKER_ID: undefined,
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  CI: 'true',
};

const started = Date.now();
/** Progress on stdout, with the seconds since the suite started. */
export function say(message: string): void {
  process.stdout.write(`[consumer ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** The output of a finished command. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a command to its end; reject with its output when it fails (unless `allowFailure`).
 */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...ENV, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      killGroup(child);
      stderr += `\n(killed after ${options.timeoutMs} ms)`;
    }, options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code === 0 || options.allowFailure) resolvePromise(result);
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` in ${options.cwd} exited with ${code}\n${stdout}\n${stderr}`.slice(
              -6000,
            ),
          ),
        );
    });
  });
}

/** A long-running process (a server) with its output so far. */
export interface Running {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  stop: () => Promise<void>;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Start a long-running command in its own process group (so stopping it stops its children). */
export function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Running {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((r) => child.on('close', () => r()));
  return {
    child,
    output: () => output,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            done();
            resolvePromise(match);
          } else if (child.exitCode !== null) {
            done();
            reject(new Error(`\`${command} ${args.join(' ')}\` exited early:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} from \`${command} ${args.join(' ')}\`:\n${output}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        child.on('close', check);
        check();
      });
    },
    async stop() {
      killGroup(child);
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * `pnpm pack` a package into `dir` (workspace: ranges become real versions) and return the
 * tarball's path.
 */
export async function pack(name: PackageName, dir: string): Promise<string> {
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', dir], {
    cwd: join(ROOT, 'packages', name),
    env: { PATH: process.env.PATH },
  });
  const file = stdout
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .findLast((l) => l.endsWith('.tgz'));
  if (!file) throw new Error(`pnpm pack printed no tarball:\n${stdout}`);
  return resolve(dir, file);
}

/** The file list of a tarball (paths inside `package/`). */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball], { cwd: dirname(tarball) });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^package\//, ''));
}

/**
 * Copy an app (a fixture or an example) to `WORK/apps/<name>` without its `node_modules`, point
 * its `@connect-auth/*` dependencies at the tarballs, and `npm i` it from the shared cache.
 */
export async function installApp(
  name: string,
  from: string,
  tarballs: Record<PackageName, string>,
  appsDir: string,
): Promise<string> {
  const dir = join(appsDir, name);
  await mkdir(dir, { recursive: true });
  await cp(from, dir, {
    recursive: true,
    filter: (source) => !/(^|[\\/])(node_modules|dist|\.data)$/.test(source),
  });
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const deps = manifest[field];
    if (!deps) continue;
    for (const pkg of PACKAGES) {
      if (deps[`@connect-auth/${pkg}`] !== undefined)
        deps[`@connect-auth/${pkg}`] = `file:${tarballs[pkg]}`;
    }
  }
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const t = Date.now();
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    timeoutMs: 240_000,
  });
  say(`${name}: npm install ${((Date.now() - t) / 1000).toFixed(1)}s`);
  return dir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * A static file server for a built app (or a no-build page): files under `root`, and
 * `index.html` for paths without an extension (the app's own routes such as `/reset`).
 */
export async function serveStatic(root: string, port: number): Promise<Server> {
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/') || extname(path) === '') file = join(root, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
}

/** Debian's Chromium, headless and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Every file under `dir`, relative, for messages. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}
