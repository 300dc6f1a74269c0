/**
 * The demo's static assets, built in memory at start and served the way a production site would
 * serve them, since the pages benchmark (bench/pages.ts) measures this demo:
 *
 * - **one script per page** (`browser/<entry>.ts`): each imports only the
 *   `@connect-auth/elements/define/<x>` its page shows, bundled by esbuild from source through
 *   the `@connect-auth/source` condition (ESM, minified, code-split: what pages share, such as Lit
 *   and core, is a chunk of its own, and the common-password list and other languages' strings
 *   stay lazy chunks; source maps); the reset page's script is bundled alone (`ALONE`): the
 *   emailed link opens it with an empty cache, and one file beats shared chunks there;
 * - **content-hashed names** (`reset-1A2B3C4D.js`, `demo-5E6F7A8B.css`) served with a year-long
 *   immutable cache, so a returning visitor fetches nothing but the page; the plain names
 *   (`demo.css`, `favicon.svg`) still answer, revalidated by ETag;
 * - **compressed once, at start**: brotli and gzip copies of every text asset, chosen by the
 *   request's `Accept-Encoding`;
 * - **what each entry needs** (its static imports and the English error texts), so a page can
 *   `<link rel="modulepreload">` them and the browser fetches them beside the entry instead of
 *   one after the other;
 * - **early scripts** (`browser/reset-early.ts`), bundled whole as a classic script and inlined in
 *   the page's `<head>` ahead of its stylesheet: the reset page sends its link check while the
 *   page is still being parsed, before any of its files arrive.
 *
 * Nothing is written to disk.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';

/** One built or static file, served under `/assets/<name>`. */
export interface Asset {
  readonly contentType: string;
  readonly body: Uint8Array<ArrayBuffer>;
  /** Strong ETag from the content. */
  readonly etag: string;
  /** Whether the name carries the content hash (then cached for a year, immutable). */
  readonly immutable: boolean;
  /** Precompressed copies (text types only, and only when smaller). */
  readonly br?: Uint8Array<ArrayBuffer>;
  readonly gzip?: Uint8Array<ArrayBuffer>;
}

/** A page script: its URL and the URLs of the chunks it needs before its form shows. */
export interface EntryScript {
  readonly src: string;
  readonly preload: readonly string[];
}

/** Everything built at start. */
export interface Assets {
  /** Every asset by served file name (`reset-1A2B3C4D.js`, `chunk-….js`, `demo.css`, …). */
  readonly files: ReadonlyMap<string, Asset>;
  /** Each page script by entry name (`reset`, `sign-in`, …). */
  readonly entries: ReadonlyMap<Entry, EntryScript>;
  /** Each early script's code (a classic script, inlined in the page) by name. */
  readonly early: ReadonlyMap<EarlyEntry, string>;
  /** The content-hashed URL of a static file by its plain name (`demo.css`). */
  url(name: string): string;
}

/** The URL prefix of every asset. */
export const ASSETS_PATH = '/assets/';

/** The page scripts, one per file in `browser/` (`lang.ts` is a module they share). */
export const ENTRIES = [
  'lost-password',
  'reset',
  'sign-in',
  'register',
  'account',
  'verify-email',
  'confirm-email',
] as const;
/** The name of a page script. */
export type Entry = (typeof ENTRIES)[number];

/**
 * Page scripts bundled on their own, with no chunk shared with the other pages: one file (and its
 * lazy chunks) instead of the shared chunks it would need. The reset page, which the emailed
 * link opens with an empty cache: fewer requests and modules on the way to its form.
 */
const ALONE = ['reset'] as const satisfies readonly Entry[];

/**
 * Scripts a page runs before its own (`browser/<name>.ts`), each bundled whole into a classic
 * script that the page inlines ahead of its stylesheet, so that nothing delays it — no request of
 * its own, no wait for the stylesheet or for the code it runs ahead of: the reset page's early
 * link check.
 */
export const EARLY_ENTRIES = ['reset-early'] as const;
/** The name of an early script. */
export type EarlyEntry = (typeof EARLY_ENTRIES)[number];

const HERE = import.meta.dirname;
const REPO_ROOT = resolve(HERE, '../..');
const STATIC = ['demo.css', 'favicon.svg'];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function contentType(name: string): string {
  const ext = name.slice(name.lastIndexOf('.'));
  return TYPES[ext] ?? 'application/octet-stream';
}

const hashOf = (body: Uint8Array) =>
  createHash('sha256').update(body).digest('base64url').slice(0, 12);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** An asset with its precompressed copies (kept only when they are smaller). */
async function asset(name: string, body: Uint8Array<ArrayBuffer>, immutable: boolean) {
  const type = contentType(name);
  const text =
    type.startsWith('text/') || type.startsWith('application/json') || name.endsWith('.svg');
  const [br, gz] = text
    ? await Promise.all([
        // Source maps are only read by devtools: a fast setting is enough for them.
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: name.endsWith('.map') ? 5 : 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        }),
        gzipped(body, { level: 9 }),
      ])
    : [];
  const smaller = (copy: Buffer | undefined) =>
    copy && copy.byteLength < body.byteLength ? new Uint8Array(copy) : undefined;
  const result: Asset = {
    contentType: type,
    body,
    etag: `"${hashOf(body)}"`,
    immutable,
    br: smaller(br),
    gzip: smaller(gz),
  };
  return [name, result] as const;
}

/**
 * What an entry needs before its form can show: the outputs it imports statically, transitively,
 * and the English error texts, a lazy chunk every form loads as it connects and waits for before
 * it moves on (so it is on the way to the first form, and worth fetching beside the entry).
 */
function needed(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>();
  const wanted = (path: string, kind: string) =>
    kind === 'import-statement' ||
    Object.keys(metafile.outputs[path]?.inputs ?? {}).some((i) => i.endsWith('/en-errors.ts'));
  const visit = (path: string) => {
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (seen.has(imported.path) || !wanted(imported.path, imported.kind)) continue;
      seen.add(imported.path);
      visit(imported.path);
    }
  };
  visit(output);
  return [...seen];
}

async function bundle(): Promise<{
  files: (readonly [string, Asset])[];
  entries: Map<Entry, EntryScript>;
  early: Map<EarlyEntry, string>;
}> {
  const outdir = join(REPO_ROOT, '.data/demo-assets');
  const options = {
    absWorkingDir: REPO_ROOT,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: 'linked',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@connect-auth/source'],
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  } as const satisfies BuildOptions;
  const entryPoints = (names: readonly string[]) =>
    Object.fromEntries(names.map((e) => [e, join(HERE, 'browser', `${e}.ts`)]));
  const shared = ENTRIES.filter((name) => !(ALONE as readonly Entry[]).includes(name));
  const early = (name: EarlyEntry) =>
    // Inlined: one classic script, no chunks, no source map comment.
    build({
      ...options,
      entryPoints: [join(HERE, 'browser', `${name}.ts`)],
      format: 'iife',
      splitting: false,
      sourcemap: false,
      metafile: false,
    }).then((result) => [name, result.outputFiles[0]?.text.trim() ?? ''] as const);
  const [results, earlyScripts] = await Promise.all([
    Promise.all(
      [shared, ...ALONE.map((name) => [name])].map((names) =>
        build({ ...options, entryPoints: entryPoints(names) }),
      ),
    ),
    Promise.all(EARLY_ENTRIES.map(early)),
  ]);
  const url = (path: string) => `${ASSETS_PATH}${basename(path)}`;
  const entries = new Map<Entry, EntryScript>();
  const outputs = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const { metafile, outputFiles } of results) {
    for (const [path, output] of Object.entries(metafile.outputs)) {
      const entry = output.entryPoint && (basename(output.entryPoint, '.ts') as Entry);
      if (entry) entries.set(entry, { src: url(path), preload: needed(metafile, path).map(url) });
    }
    // Lazy chunks both builds hold have the same content, hence the same name: kept once.
    for (const file of outputFiles) outputs.set(basename(file.path), new Uint8Array(file.contents));
  }
  const files = await Promise.all(
    [...outputs].map(([name, contents]) => asset(name, contents, true)),
  );
  return { files, entries, early: new Map(earlyScripts) };
}

/** The stylesheet and the icon, each under its plain name and a content-hashed one. */
async function staticFiles(): Promise<{
  files: (readonly [string, Asset])[];
  hashed: Map<string, string>;
}> {
  const files: (readonly [string, Asset])[] = [];
  const hashed = new Map<string, string>();
  for (const name of STATIC) {
    const body = new Uint8Array(await readFile(join(HERE, 'public', name)));
    const dot = name.lastIndexOf('.');
    const versioned = `${name.slice(0, dot)}-${hashOf(body)}${name.slice(dot)}`;
    hashed.set(name, `${ASSETS_PATH}${versioned}`);
    files.push(await asset(name, body, false), await asset(versioned, body, true));
  }
  return { files, hashed };
}

let cached: Promise<Assets> | undefined;

/**
 * Build the assets once per process (later calls share the result; a failed build is retried).
 *
 * @example
 * ```ts
 * const assets = await buildAssets();
 * assets.entries.get('reset')?.src; // '/assets/reset-1A2B3C4D.js'
 * ```
 */
export function buildAssets(): Promise<Assets> {
  cached ??= Promise.all([bundle(), staticFiles()]).then(
    ([bundled, own]) => {
      const files = new Map([...bundled.files, ...own.files]);
      return {
        files,
        entries: bundled.entries,
        early: bundled.early,
        url: (name: string) => own.hashed.get(name) ?? `${ASSETS_PATH}${name}`,
      };
    },
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}

/**
 * The encoding to answer with: brotli, else gzip, else none, as `Accept-Encoding` allows
 * (`q=0` refuses one).
 *
 * @example
 * ```ts
 * pickEncoding('gzip, deflate, br'); // 'br'
 * ```
 */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * Answer `GET /assets/<name>`, or `undefined` when the path is not an asset: compressed as the
 * request accepts, 304 when its ETag matches.
 *
 * @example
 * ```ts
 * const response = serveAsset(assets, request);
 * ```
 */
export function serveAsset(assets: Assets, request: Request): Response | undefined {
  const path = new URL(request.url).pathname;
  if (!path.startsWith(ASSETS_PATH)) return undefined;
  const asset = assets.files.get(path.slice(ASSETS_PATH.length));
  if (!asset) return undefined;
  const headers: Record<string, string> = {
    'content-type': asset.contentType,
    // Hashed names never change content; the plain ones are revalidated.
    'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (asset.br || asset.gzip) headers.vary = 'accept-encoding';
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  const encoded = encoding && asset[encoding];
  const body = encoded || asset.body;
  // Each encoding is a representation of its own, with an ETag of its own.
  headers.etag = encoded ? `${asset.etag.slice(0, -1)}-${encoding}"` : asset.etag;
  if (encoded) headers['content-encoding'] = encoding;
  const match = request.headers.get('if-none-match');
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === headers.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers['content-length'] = String(body.byteLength);
  return new Response(request.method === 'HEAD' ? null : body, { headers });
}

/**
 * A page's HTML, compressed as the request accepts (pages are rendered per request, so compressed
 * per request too, with a fast setting: they are a few KB).
 *
 * @example
 * ```ts
 * const { body, headers } = encodePage('<!doctype html>…', request.headers.get('accept-encoding'));
 * ```
 */
export function encodePage(
  html: string,
  acceptEncoding: string | null,
): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const raw = Buffer.from(html);
  const encoding = pickEncoding(acceptEncoding);
  const encoded =
    encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? gzipSync(raw, { level: 6 })
        : raw;
  const headers: Record<string, string> = { vary: 'accept-encoding' };
  if (encoded !== raw) headers['content-encoding'] = encoding as string;
  headers['content-length'] = String(encoded.byteLength);
  return { body: new Uint8Array(encoded), headers };
}
