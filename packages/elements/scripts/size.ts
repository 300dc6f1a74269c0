/**
 * Sizes of the built browser files, read from `dist/browser` as shipped: for `all` and each
 * `define/<name>` entry, the entry plus every chunk it loads with a static `import` (what the
 * page downloads before the elements work), minified and gzip -9 / brotli 11; lazy chunks
 * (dynamic `import()`, i.e. core's common-password list) separately. Budget: 28 KB gzip
 * (1 KB = 1000 bytes) for all forms, from docs/architecture.md.
 *
 * Run: `pnpm --filter @connect-auth/elements run size` (after `build`), `--json` for JSON.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BROWSER_DIR = fileURLToPath(new URL('../dist/browser', import.meta.url));
export const BUDGET_GZIP = 28_000;
export const ENTRIES = [
  'all',
  'define/lost-password',
  'define/reset-password',
  'define/sign-in',
  'define/register',
  'define/password-input',
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

if (import.meta.main) {
  const rows = ENTRIES.map(measure);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`.padStart(9);
    console.log('dist/browser entry        min+gzip   brotli   minified  files  lazy (gzip)');
    for (const row of rows) {
      const verdict = row.entry === 'all' ? (row.gzip <= BUDGET_GZIP ? ' PASS' : ' OVER') : '';
      console.log(
        `${row.entry.padEnd(24)}${kb(row.gzip)}${kb(row.brotli)}${kb(row.min)}${String(row.files.length).padStart(7)}${kb(row.lazy.gzip)}${verdict}`,
      );
    }
    console.log(`budget: all forms <= ${BUDGET_GZIP / 1000} KB min+gzip (docs/architecture.md)`);
  }
}
