/**
 * Bundle sizes from what we publish: `pnpm pack` core and elements (after `pnpm run build`),
 * extract the tarballs into a fresh directory and bundle tiny entry modules against them with
 * esbuild (bundle, minify, ESM, browser, es2022, code splitting, `NODE_ENV=production`, no source
 * condition: the package exports resolve to `dist/` exactly as in an app). Peers are bundled the
 * same way from their published packages. The no-build files are measured as shipped
 * (`dist/browser`, the entry plus its static imports). gzip -9 and brotli q11; 1 KB = 1000 bytes.
 *
 * Run: `pnpm bench:size` (needs `pnpm run build` first; `pnpm bench` does it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { mdTable, section } from './shared.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1000;
const BUDGETS = {
  core: 12 * KB,
  commonPasswords: 16 * KB,
  /** Each journey page's own `define/*` entry: a journey page never pays for the account pages. */
  elements: 28 * KB,
  /** Every element (`all`, or every `define/*` at once). */
  elementsAll: 32 * KB,
} as const;
/** The define entries of the activation journey's pages, each held to `BUDGETS.elements`. */
const JOURNEY_ENTRIES = ['lost-password', 'reset-password', 'sign-in', 'register'];

interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}
const ZERO: Sizes = { min: 0, gzip: 0, brotli: 0 };
const add = (a: Sizes, b: Sizes): Sizes => ({
  min: a.min + b.min,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const sizes = (code: Uint8Array): Sizes => ({
  min: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
    },
  }).length,
});

/** Pack a workspace package and extract it to `<dir>/node_modules/@connect-auth/<name>`. */
function packAndExtract(name: 'core' | 'elements', dir: string): string {
  const out = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
    cwd: join(root, 'packages', name),
    encoding: 'utf8',
  });
  const tarball = out
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .findLast((l) => l.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack printed no tarball:\n${out}`);
  const target = join(dir, 'node_modules/@connect-auth', name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', [
    '-xzf',
    join(dir, tarball.replace(/^.*\//, '')),
    '-C',
    target,
    '--strip-components=1',
  ]);
  return target;
}

const work = mkdtempSync(join(tmpdir(), 'connect-bench-size-'));
// Extracted to work/node_modules: the bundles below resolve @connect-auth/core from there.
packAndExtract('core', work);
const elementsDir = packAndExtract('elements', work);
/** Dependencies of the packed packages (jose, zod, lit) come from the workspace's install. */
const nodePaths = [
  join(root, 'packages/elements/node_modules'),
  join(root, 'packages/core/node_modules'),
  join(root, 'node_modules'),
];

interface Row extends Sizes {
  label: string;
  lazy: Sizes;
  budget?: number;
  inputs: string[];
  error?: string;
}

function virtual(code: string, resolveDir: string): Plugin {
  return {
    name: 'virtual-entry',
    setup(b) {
      b.onResolve({ filter: /^virtual:entry$/ }, () => ({ path: 'entry', namespace: 'v' }));
      b.onLoad({ filter: /.*/, namespace: 'v' }, () => ({
        contents: code,
        resolveDir,
        loader: 'js',
      }));
    },
  };
}

/** Bundle `code`; sizes of the initial chunks (static closure) and of the lazy ones. */
async function bundle(
  label: string,
  code: string,
  resolveDir = work,
  budget?: number,
): Promise<Row> {
  try {
    const result = await build({
      entryPoints: [{ in: 'virtual:entry', out: 'entry' }],
      plugins: [virtual(code, resolveDir)],
      bundle: true,
      minify: true,
      treeShaking: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      splitting: true,
      outdir: '/virtual-out',
      write: false,
      metafile: true,
      legalComments: 'none',
      nodePaths,
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      logLevel: 'silent',
    });
    const meta = result.metafile as Metafile;
    const initial = new Set<string>();
    const visit = (path: string): void => {
      if (initial.has(path)) return;
      initial.add(path);
      for (const imp of meta.outputs[path]?.imports ?? [])
        if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    };
    // Lazy chunks are entry points too (dynamic import()): take our own entry, written as entry.js.
    const entry = Object.keys(meta.outputs).find((p) => p.endsWith('/entry.js'));
    if (entry) visit(entry);
    let first = ZERO;
    let lazy = ZERO;
    const inputs: string[] = [];
    for (const file of result.outputFiles) {
      if (file.path.endsWith('.map')) continue;
      const key = [...initial].find((k) => resolve(k) === file.path);
      if (key) {
        first = add(first, sizes(file.contents));
        inputs.push(...Object.keys(meta.outputs[key]?.inputs ?? {}));
      } else lazy = add(lazy, sizes(file.contents));
    }
    return { label, ...first, lazy, budget, inputs };
  } catch (error) {
    const e = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(error);
    return { label, ...ZERO, lazy: ZERO, budget, inputs: [], error: e };
  }
}

/** A no-build file as shipped: the entry and every file it imports statically. */
function shipped(label: string, entry: string, budget?: number): Row {
  const dir = join(elementsDir, 'dist/browser');
  const files: string[] = [];
  const dynamic = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const at = (spec: string) => relative(dir, join(dir, dirname(file), spec));
    for (const [, s] of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g))
      queue.push(at(s as string));
    for (const [, s] of code.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g))
      dynamic.add(at(s as string));
  }
  const total = files.reduce((t, f) => add(t, sizes(readFileSync(join(dir, f)))), ZERO);
  const lazy = [...dynamic]
    .filter((f) => !files.includes(f))
    .reduce((t, f) => add(t, sizes(readFileSync(join(dir, f)))), ZERO);
  return { label, ...total, lazy, budget, inputs: files };
}

const POLICY =
  'evaluatePassword, connectPolicy, nist80063bPolicy, getPolicyPreset, toPasswordRules, loadCommonPasswords';
const ours = await bundle(
  '@connect-auth/core, whole client (everything it exports)',
  `export * from '@connect-auth/core';`,
  work,
  BUDGETS.core,
);
const policy = await bundle(
  '@connect-auth/core/policy alone (evaluate, presets, loader)',
  `export { ${POLICY} } from '@connect-auth/core/policy';`,
);
const peers = await Promise.all([
  bundle(
    '@supabase/auth-js GoTrueClient (reset, update, sign-in, sign-up)',
    `import { GoTrueClient } from '@supabase/auth-js';
const c = new GoTrueClient({ url: 'https://x.example' });
export const use = [c.resetPasswordForEmail, c.updateUser, c.signInWithPassword, c.signUp];`,
    root,
  ),
  bundle(
    'firebase/auth (reset, verify, confirm, sign-in, create)',
    `export { getAuth, sendPasswordResetEmail, confirmPasswordReset, verifyPasswordResetCode, signInWithEmailAndPassword, createUserWithEmailAndPassword } from 'firebase/auth';`,
    root,
  ),
  bundle(
    'aws-amplify/auth (resetPassword, confirmResetPassword, signIn, signUp) + Amplify.configure',
    `export { resetPassword, confirmResetPassword, signIn, signUp } from 'aws-amplify/auth';
export { Amplify } from 'aws-amplify';`,
    root,
  ),
  bundle(
    'better-auth/client createAuthClient (its fetch proxy covers every route)',
    `import { createAuthClient } from 'better-auth/client';
export const client = createAuthClient({ baseURL: 'https://x.example' });`,
    root,
  ),
]);

const defines = readdirSync(join(elementsDir, 'dist/define')).filter((f) => f.endsWith('.js'));
const elementRows = await Promise.all([
  ...defines.map((f) =>
    bundle(
      `elements: @connect-auth/elements/define/${f.slice(0, -3)} (bundled)`,
      `import '@connect-auth/elements/define/${f.slice(0, -3)}';`,
      work,
      JOURNEY_ENTRIES.includes(f.slice(0, -3)) ? BUDGETS.elements : undefined,
    ),
  ),
  bundle(
    'elements: @connect-auth/elements/all (bundled)',
    `import '@connect-auth/elements/all';`,
    work,
    BUDGETS.elementsAll,
  ),
]);
const browserFiles = readdirSync(join(elementsDir, 'dist/browser')).length
  ? [
      shipped(
        'no-build file: dist/browser/all.js (+ static imports)',
        'all.js',
        BUDGETS.elementsAll,
      ),
      ...defines.map((f) =>
        shipped(
          `no-build file: dist/browser/define/${f}`,
          `define/${f}`,
          JOURNEY_ENTRIES.includes(f.slice(0, -3)) ? BUDGETS.elements : undefined,
        ),
      ),
    ]
  : [];

const kb = (n: number) => (n / KB).toFixed(1);
const ratio = (r: Row) =>
  ours.gzip > 0 && r.gzip > 0 ? `${(r.gzip / ours.gzip).toFixed(2)}×` : '';
const verdict = (r: Row) =>
  r.error
    ? `BUILD FAILED: ${r.error}`
    : r.gzip === 0
      ? 'EMPTY (0 bytes: nothing would run)'
      : r.budget === undefined
        ? ''
        : `${r.gzip <= r.budget ? 'PASS' : 'OVER'} ≤ ${kb(r.budget)}`;
const rows = (list: Row[]) =>
  list.map((r) => [
    r.label,
    kb(r.min),
    kb(r.gzip),
    kb(r.brotli),
    ratio(r),
    r.lazy.gzip ? kb(r.lazy.gzip) : '',
    verdict(r),
  ]);
const headers = [
  'bundle (KB, 1 KB = 1000 B)',
  'min',
  'gzip',
  'brotli',
  'gzip vs our core',
  'lazy gzip',
  'budget',
];

section(
  'Bundle size: our client vs peers',
  'From the packed tarballs (`pnpm pack`, extracted, bundled through the package exports to `dist/`), peers from their published packages; esbuild bundle + minify, ESM, browser, code splitting; initial chunks only (lazy chunks apart: our common-password list).',
);
console.log(mdTable(headers, rows([ours, policy, ...peers])));
const listInMain = ours.inputs.some((p) => p.includes('common-passwords'));
console.log(
  `\nCommon-password list in core's initial chunk: ${listInMain ? 'YES (it must not be)' : 'no'}.`,
);
section(
  'Bundle size: elements',
  'Each `define/*` entry and `all` as an app bundler makes them from the packed package (lit and core included), and the no-build files as shipped.',
);
console.log(mdTable(headers, rows([...elementRows, ...browserFiles])));
rmSync(work, { recursive: true, force: true });
