/**
 * The one-command demo: the reference server in dev mode (embedded SQLite, dev inbox), a migrated
 * account ready to activate, and small pages with the Connect elements, all on ONE origin so the
 * emailed links open the demo's own reset page. `startDemo()` is what `pnpm demo` and the
 * browser tests run.
 */

import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type ConnectServer,
  createServer,
  type Logger,
  type RunningServer,
  serve,
} from '@connect-auth/server';
import { type DemoAccount, ensureDemoAccounts } from './accounts.ts';
import { buildAssets, type EntryScript, encodePage, serveAsset } from './assets.ts';
import { BASE_URL, findPage, type Page } from './pages.ts';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1` (the demo is for this machine only). */
  hostname?: string;
  /** Where the SQLite database and the dev secret live. Default `<repo>/.data/demo`. */
  dataDir?: string;
  /** Time source of the server (tests move it past a link's expiry). Default: wall clock. */
  clock?: () => Date;
  /** Server logs. Default: warnings and errors on stderr, no request lines. */
  logger?: Logger;
  /**
   * More pages on the same origin, served like the demo's own (the benchmark's hand-written
   * baseline).
   */
  extraPages?: readonly Page[];
  /** Delete the data directory first (see {@link resetDemoData}), once the port is bound. */
  reset?: boolean;
}

/** A running demo. */
export interface Demo {
  /** `http://127.0.0.1:8787`: the pages, the API and the dev inbox. */
  readonly url: string;
  /** The dev inbox page. */
  readonly inboxUrl: string;
  /** The migrated account waiting to be activated. */
  readonly account: DemoAccount;
  /** Demo accounts activated in earlier runs (empty on a fresh data dir). */
  readonly activated: readonly DemoAccount[];
  readonly dataDir: string;
  /** The wired reference server (store, outbox worker, …). */
  readonly server: ConnectServer;
  /** Wait until mail queued so far is in the dev inbox. */
  settled(): Promise<void>;
  /** Stop accepting, finish in-flight requests, close the server and the database. */
  close(): Promise<void>;
}

/** Why the demo could not start, with a message meant for the person who ran it. */
export class DemoError extends Error {
  readonly code: 'port_in_use' | 'not_a_demo_dir';
  constructor(code: DemoError['code'], message: string) {
    super(message);
    this.name = 'DemoError';
    this.code = code;
  }
}

/** Default data directory: `.data/demo` at the repository root (git-ignored). */
export const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../.data/demo');
/** Default port. */
export const DEFAULT_PORT = 8787;
/** File that marks a directory as the demo's own, so `--reset` never deletes anything else. */
const MARKER = '.connect-auth-demo';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** A page script's tags: its chunks preloaded beside it, so they need not wait for it. */
function scriptTags(entry: EntryScript | undefined): string {
  if (!entry) return '';
  return [
    ...entry.preload.map((src) => `<link rel="modulepreload" href="${src}">\n`),
    `<script type="module" src="${entry.src}"></script>\n`,
  ].join('');
}

/** Each inline script's CSP source (`'sha256-…'`), computed once: the scripts never change. */
const scriptHashes = new Map<string, string>();
const hashSource = (script: string) => {
  let source = scriptHashes.get(script);
  if (!source) {
    source = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    scriptHashes.set(script, source);
  }
  return source;
};

/** The pages' policy, also allowing the page's inline scripts by their hashes. */
function withInlineScripts(scripts: readonly string[]): string {
  const hashes = scripts.map(hashSource);
  return PAGE_HEADERS['content-security-policy'].replace(
    "script-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
  );
}

/** Warnings and errors as JSON lines on stderr; request lines (and the expected dev-secret note) are left out. */
function quietLogger(): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    if (event === 'dev_secret_generated') return;
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`,
    );
  };
  return {
    info: () => {},
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/**
 * Delete the demo's data directory (database, secret) so the next start is fresh. Refuses a
 * directory that the demo did not create.
 *
 * @example
 * ```ts
 * await resetDemoData(DEFAULT_DATA_DIR);
 * ```
 */
export async function resetDemoData(dataDir: string = DEFAULT_DATA_DIR): Promise<boolean> {
  const exists = await stat(dataDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return false;
  const entries = await readdir(dataDir);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new DemoError(
      'not_a_demo_dir',
      `Refusing to delete ${dataDir}: it was not created by the demo (no ${MARKER} file).`,
    );
  }
  await rm(dataDir, { recursive: true, force: true });
  return true;
}

async function listen(
  handler: { fetch: (request: Request, context?: { ip?: string }) => Promise<Response> },
  port: number,
  hostname: string,
): Promise<RunningServer> {
  try {
    return await serve(handler, { port, hostname });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new DemoError(
        'port_in_use',
        code === 'EADDRINUSE'
          ? `Port ${port} is already in use (is the demo already running?). Stop the other program, or choose another port: pnpm demo --port 8788 (or PORT=8788 pnpm demo).`
          : `Port ${port} cannot be opened by this user. Choose a port above 1023: pnpm demo --port 8788.`,
      );
    }
    throw error;
  }
}

/**
 * Start the demo: build the page script, listen, wire the reference server to the demo's own
 * origin, and make sure a migrated account awaits activation.
 *
 * @example
 * ```ts
 * const demo = await startDemo({ port: 0, dataDir: await mkdtemp(join(tmpdir(), 'demo-')) });
 * console.log(demo.url, demo.account.email); // http://127.0.0.1:43117 owner@example.com
 * await demo.close();
 * ```
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const port = options.port ?? DEFAULT_PORT;
  const hostname = options.hostname ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const clock = options.clock ?? (() => new Date());
  const assets = await buildAssets();

  // Listen first: the server's links must carry the actual origin (port 0 picks one).
  let inner: ((request: Request, ip: string) => Promise<Response>) | undefined;
  const running = await listen(
    {
      fetch: (request, context) =>
        inner
          ? inner(request, context?.ip ?? '')
          : Promise.resolve(new Response(null, { status: 503 })),
    },
    port,
    hostname,
  );
  const url = running.url;
  const localhost = url.replace('://127.0.0.1:', '://localhost:');
  let server: ConnectServer;
  try {
    // Only now that the port is ours: a demo still running on it keeps its data.
    if (options.reset) await resetDemoData(dataDir);
    await mkdir(dataDir, { recursive: true });
    await writeFile(
      join(dataDir, MARKER),
      'Created by the Connect Auth demo; `pnpm demo --reset` deletes this directory.\n',
    );
    server = await createServer({
      dev: true,
      port: running.port,
      hostname,
      dataDir,
      publicUrl: url,
      appUrl: url,
      supportUrl: `${url}/support`,
      allowedOrigins: localhost === url ? [url] : [url, localhost],
      clock,
      logger: options.logger ?? quietLogger(),
    });
  } catch (error) {
    await running.close();
    throw error;
  }
  let accounts: DemoAccount[];
  try {
    accounts = await ensureDemoAccounts(server.store, clock());
  } catch (error) {
    await running.close();
    await server.close();
    throw error;
  }
  const account = accounts.at(-1) as DemoAccount;

  inner = async (request, ip) => {
    const path = new URL(request.url).pathname;
    const get = request.method === 'GET' || request.method === 'HEAD';
    const head = request.method === 'HEAD';
    if (get) {
      const asset = serveAsset(assets, request);
      if (asset) return asset;
      if (path === '/favicon.ico') {
        return new Response(null, { status: 301, headers: { location: '/assets/favicon.svg' } });
      }
      const page = findPage(path) ?? options.extraPages?.find((p) => p.path === path);
      if (page) {
        const early = page.early && assets.early.get(page.early);
        const inline = [early, page.inlineScript].filter((script): script is string => !!script);
        // Re-checked per request: once the ready account is activated, a fresh one is imported.
        const html = page.render({
          accounts: await ensureDemoAccounts(server.store, clock()),
          asset: assets.url,
          // The early script runs as it is parsed: ahead of the stylesheet, which would hold it.
          scripts:
            (early ? `<script data-base-url="${BASE_URL}">${early}</script>\n` : '') +
            scriptTags(page.script && assets.entries.get(page.script)),
        });
        const { body, headers } = encodePage(html, request.headers.get('accept-encoding'));
        return new Response(head ? null : body, {
          headers: {
            ...PAGE_HEADERS,
            ...(inline.length > 0 && { 'content-security-policy': withInlineScripts(inline) }),
            'cache-control': page.noStore ? 'no-store' : 'no-cache',
            ...headers,
          },
        });
      }
    }
    // The API (/v1/*, /.well-known/*), the dev inbox (/dev/*) and every 404 are the server's.
    return server.app.fetch(request, { ip });
  };

  let closing: Promise<void> | undefined;
  return {
    url,
    inboxUrl: `${url}/dev/inbox`,
    account,
    activated: accounts.slice(0, -1),
    dataDir,
    server,
    settled: () => server.settled(),
    close() {
      closing ??= (async () => {
        await running.close(5_000);
        await server.close();
      })();
      return closing;
    },
  };
}
