/**
 * Sizes from the built package (never `src/`), gzip -9 and brotli 11, 1 KB = 1000 bytes:
 *
 * - the no-build files as shipped in `dist/browser`: for `all` and each `define/<name>`, the
 *   entry plus every chunk it loads with a static `import` (what the page downloads before the
 *   elements work); lazy chunks (dynamic `import()`: core's common-password list) separately;
 * - what an app's bundler makes of the package entries: `@connect-auth/elements/<entry>`
 *   bundled from `dist/` with esbuild through the package's exports and `sideEffects` (minified,
 *   code-split, `NODE_ENV=production`), initial chunks only.
 *
 * Budgets, from docs/architecture.md: 32 KB gzip for all seven elements (`all`), and 28 KB for
 * each journey page's own entry (lost-password, reset-password, sign-in, register): a journey
 * page never pays for the account pages.
 *
 * Run: `pnpm --filter @connect-auth/elements run size` (after `build`), `--json` for JSON.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BROWSER_DIR = fileURLToPath(new URL('../dist/browser', import.meta.url));
/** Gzip budget of `all` (every element). */
export const BUDGET_GZIP = 32_000;
/** Gzip budget of each journey page's own `define/*` entry. */
export const JOURNEY_BUDGET_GZIP = 28_000;
/** The journey pages' entries, each held to {@link JOURNEY_BUDGET_GZIP}. */
export const JOURNEY_ENTRIES = [
  'define/lost-password',
  'define/reset-password',
  'define/sign-in',
  'define/register',
] as const;
export const ENTRIES = [
  'all',
  'define/lost-password',
  'define/reset-password',
  'define/sign-in',
  'define/register',
  'define/password-input',
  'define/change-password',
  'define/change-email',
] as const;

export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}

export interface EntrySizes extends Sizes {
  entry: string;
  /** Files loaded up front: the entry and its static imports, relative to dist/browser. */
  files: string[];
  /** Files loaded on demand (dynamic `import()`), with their own static imports. */
  lazy: Sizes & { files: string[] };
}

const STATIC = /(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g;
const DYNAMIC = /\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g;

function sizesOf(files: readonly string[]): Sizes {
  const total: Sizes = { min: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const code = readFileSync(join(BROWSER_DIR, file));
    total.min += code.length;
    total.gzip += gzipSync(code, { level: 9 }).length;
    total.brotli += brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return total;
}

/** The static-import closure of `start` (files relative to dist/browser) and what it loads lazily. */
function closure(start: readonly string[]): { files: string[]; dynamic: string[] } {
  const files: string[] = [];
  const dynamic = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(join(BROWSER_DIR, file), 'utf8');
    const resolve = (spec: string): string =>
      relative(BROWSER_DIR, join(BROWSER_DIR, dirname(file), spec));
    for (const [, spec] of code.matchAll(STATIC)) queue.push(resolve(spec as string));
    for (const [, spec] of code.matchAll(DYNAMIC)) dynamic.add(resolve(spec as string));
  }
  return { files, dynamic: [...dynamic].filter((f) => !files.includes(f)) };
}

/** Measure one entry, e.g. `all` or `define/sign-in`. */
export function measure(entry: string): EntrySizes {
  const { files, dynamic } = closure([`${entry}.js`]);
  const lazyFiles = closure(dynamic).files.filter((f) => !files.includes(f));
  return { entry, files, ...sizesOf(files), lazy: { files: lazyFiles, ...sizesOf(lazyFiles) } };
}

/** `@connect-auth/elements/<entry>` bundled from dist as an app would: initial chunks' sizes. */
export async function measureBundled(entry: string): Promise<Sizes> {
  const result = await build({
    stdin: {
      contents: `import '@connect-auth/elements/${entry}';`,
      resolveDir: join(BROWSER_DIR, '../../../..'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: '/virtual',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const initial = new Set<string>();
  const visit = (path: string): void => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const i of outputs[path]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  // The app's entry (stdin), not the chunks of dynamic imports, which esbuild also lists as
  // entry points (the lazily loaded string tables are such chunks).
  const entryPath = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === '<stdin>');
  if (entryPath) visit(entryPath);
  const total: Sizes = { min: 0, gzip: 0, brotli: 0 };
  const initialFiles = new Set([...initial].map((path) => resolve(path)));
  for (const file of result.outputFiles) {
    if (!initialFiles.has(file.path)) continue;
    total.min += file.contents.length;
    total.gzip += gzipSync(file.contents, { level: 9 }).length;
    total.brotli += brotliCompressSync(file.contents, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return total;
}

if (import.meta.main) {
  const rows = ENTRIES.map(measure);
  const bundled = await Promise.all(
    ENTRIES.map(async (e) => ({ entry: e, ...(await measureBundled(e)) })),
  );
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ browser: rows, bundled }, null, 2));
  } else {
    const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`.padStart(9);
    console.log('dist/browser entry        min+gzip   brotli   minified  files  lazy (gzip)');
    for (const row of rows) {
      const budget =
        row.entry === 'all'
          ? BUDGET_GZIP
          : (JOURNEY_ENTRIES as readonly string[]).includes(row.entry)
            ? JOURNEY_BUDGET_GZIP
            : undefined;
      const verdict = budget === undefined ? '' : row.gzip <= budget ? ' PASS' : ' OVER';
      console.log(
        `${row.entry.padEnd(24)}${kb(row.gzip)}${kb(row.brotli)}${kb(row.min)}${String(row.files.length).padStart(7)}${kb(row.lazy.gzip)}${verdict}`,
      );
    }
    console.log('\nbundled from dist (esbuild)  min+gzip   brotli   minified');
    for (const row of bundled) {
      console.log(`${row.entry.padEnd(28)}${kb(row.gzip)}${kb(row.brotli)}${kb(row.min)}`);
    }
    console.log(
      `\nbudgets (docs/architecture.md): all <= ${BUDGET_GZIP / 1000} KB, each journey entry <= ${JOURNEY_BUDGET_GZIP / 1000} KB min+gzip`,
    );
  }
}
