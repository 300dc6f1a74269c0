/**
 * The demo's static assets, built in memory at start: the page script (esbuild bundles
 * `@connect-auth/elements/all` and core from source through the `@connect-auth/source` condition;
 * ESM, minified, code-split so the common-password list stays a lazy chunk, with source maps),
 * the stylesheet and the icon. Nothing is written to disk.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

/** One built or static file, served under `/assets/<name>`. */
export interface Asset {
  readonly contentType: string;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** Every asset by file name (`demo.js`, `demo.js.map`, `chunk-….js`, `demo.css`, `favicon.svg`). */
export type Assets = ReadonlyMap<string, Asset>;

/** The URL prefix of every asset. */
export const ASSETS_PATH = '/assets/';

const HERE = import.meta.dirname;
const REPO_ROOT = resolve(HERE, '../..');

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

async function bundle(): Promise<Map<string, Asset>> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { demo: join(HERE, 'browser/main.ts') },
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: 'linked',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@connect-auth/source'],
    outdir: join(REPO_ROOT, '.data/demo-assets'),
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const files = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    files.set(name, { contentType: contentType(name), body: new Uint8Array(file.contents) });
  }
  return files;
}

async function staticFiles(): Promise<Map<string, Asset>> {
  const files = new Map<string, Asset>();
  for (const name of ['demo.css', 'favicon.svg']) {
    const body = new Uint8Array(await readFile(join(HERE, 'public', name)));
    files.set(name, { contentType: contentType(name), body });
  }
  return files;
}

let cached: Promise<Assets> | undefined;

/**
 * Build the assets once per process (later calls share the result; a failed build is retried).
 *
 * @example
 * ```ts
 * const assets = await buildAssets();
 * assets.get('demo.js')?.contentType; // 'text/javascript; charset=utf-8'
 * ```
 */
export function buildAssets(): Promise<Assets> {
  cached ??= Promise.all([bundle(), staticFiles()]).then(
    ([bundled, own]) => new Map([...bundled, ...own]),
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}

/**
 * Answer `GET /assets/<name>`, or `undefined` when the path is not an asset.
 *
 * @example
 * ```ts
 * const response = serveAsset(assets, '/assets/demo.js', false);
 * ```
 */
export function serveAsset(assets: Assets, path: string, head: boolean): Response | undefined {
  if (!path.startsWith(ASSETS_PATH)) return undefined;
  const asset = assets.get(path.slice(ASSETS_PATH.length));
  if (!asset) return undefined;
  return new Response(head ? null : asset.body, {
    headers: {
      'content-type': asset.contentType,
      'content-length': String(asset.body.byteLength),
      // Rebuilt at every start: revalidate rather than cache across runs.
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}
