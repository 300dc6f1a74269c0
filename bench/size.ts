/**
 * Bundles small entry files with esbuild (bundle, minify, ESM, browser, tree-shaking, the
 * `@connect-auth/source` condition so workspace packages build from `src/`) and prints, for each,
 * minified bytes, gzip -9 bytes and brotli (quality 11) bytes, the ratio to our whole client, and
 * PASS/OVER against the budgets in docs/architecture.md. Code splitting is on, so a lazy
 * `import()` (the common-password list) becomes its own chunk and is reported separately.
 *
 * Run: `pnpm bench:size` (or `pnpm bench:size --json`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile, type OutputFile, type Plugin } from 'esbuild';
import { pad, wantsJson } from './shared.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'packages/core');
const elements = join(root, 'packages/elements');
const KB = 1000;

/** Budgets in gzip -9 bytes (1 KB = 1000 bytes). */
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

interface Entry {
  id: string;
  label: string;
  /** Source of the entry module. */
  code: string;
  /** Directory bare imports resolve from. */
  resolveDir: string;
  budget?: number;
}

interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}

interface Row extends Sizes {
  id: string;
  label: string;
  /** Lazily loaded chunks (dynamic `import()`), not counted in the sizes above. */
  lazy: Sizes;
  budget?: number;
  verdict?: 'PASS' | 'OVER';
  /** Inputs of the initial chunks, to check what got bundled. */
  inputs: string[];
  /** Minified bytes each input contributes to the initial chunks. */
  contributions: Record<string, number>;
  error?: string;
}

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
const add = (a: Sizes, b: Sizes): Sizes => ({
  min: a.min + b.min,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const ZERO: Sizes = { min: 0, gzip: 0, brotli: 0 };

/** Serves `virtual:<id>` entries from memory. */
function virtualEntries(entries: readonly Entry[]): Plugin {
  return {
    name: 'virtual-entries',
    setup(b) {
      b.onResolve({ filter: /^virtual:/ }, (args) => ({
        path: args.path.slice(8),
        namespace: 'entry',
      }));
      b.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => {
        const entry = entries.find((e) => e.id === args.path);
        return entry
          ? { contents: entry.code, resolveDir: entry.resolveDir, loader: 'ts' }
          : undefined;
      });
    },
  };
}

/** Bundles one entry; splits its output into initial chunks (static closure) and lazy chunks. */
async function measure(entry: Entry): Promise<Row> {
  const base = { id: entry.id, label: entry.label, budget: entry.budget };
  try {
    const result = await build({
      entryPoints: [{ in: `virtual:${entry.id}`, out: entry.id }],
      plugins: [virtualEntries([entry])],
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
      conditions: ['@connect-auth/source'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const meta = result.metafile as Metafile;
    const byPath = new Map<string, OutputFile>(result.outputFiles.map((f) => [f.path, f]));
    const rel = (p: string) => p.replace(/^\//, '').replace(/^virtual-out\//, '');
    const outputs = Object.entries(meta.outputs).filter(([p]) => !p.endsWith('.map'));
    // The entry's own output (dynamic `import()` targets are entry points in the metafile too).
    const entryOut =
      outputs.find(([, o]) => o.entryPoint?.endsWith(entry.id)) ??
      outputs.find(([, o]) => o.entryPoint !== undefined);
    if (!entryOut) throw new Error('no entry output');
    const initial = new Set<string>();
    const visit = (path: string): void => {
      if (initial.has(path)) return;
      initial.add(path);
      for (const imp of meta.outputs[path]?.imports ?? []) {
        if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
      }
    };
    visit(entryOut[0]);
    let first = ZERO;
    let lazy = ZERO;
    const inputs: string[] = [];
    const contributions: Record<string, number> = {};
    for (const [path, output] of outputs) {
      const file = byPath.get(join('/', path)) ?? byPath.get(`/virtual-out/${rel(path)}`);
      const measured = sizes(file?.contents ?? new Uint8Array());
      if (initial.has(path)) {
        first = add(first, measured);
        for (const [input, info] of Object.entries(output.inputs)) {
          inputs.push(input);
          contributions[input] = (contributions[input] ?? 0) + info.bytesInOutput;
        }
      } else lazy = add(lazy, measured);
    }
    const verdict =
      entry.budget === undefined ? undefined : first.gzip <= entry.budget ? 'PASS' : 'OVER';
    return { ...base, ...first, lazy, verdict, inputs, contributions };
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { file: string } | null }[] })
      .errors?.[0];
    const message = first
      ? `${first.text}${first.location ? ` (${first.location.file})` : ''}`
      : String(error);
    return { ...base, ...ZERO, lazy: ZERO, inputs: [], contributions: {}, error: message };
  }
}

const POLICY_NAMES =
  'evaluatePassword, connectPolicy, nist80063bPolicy, getPolicyPreset, toPasswordRules, loadCommonPasswords';
const entries: Entry[] = [
  {
    id: 'core',
    label: '@connect-auth/core, whole client (everything it exports)',
    code: `export * from '@connect-auth/core';`,
    resolveDir: root,
    budget: BUDGETS.core,
  },
  {
    id: 'core-policy',
    label: 'password policy alone (evaluate, presets, passwordrules, loader)',
    code: `export { ${POLICY_NAMES} } from '@connect-auth/core';`,
    resolveDir: root,
  },
  {
    id: 'common-passwords',
    label: 'common-password chunk (lazy)',
    code: `export { COMMON_PASSWORDS } from ${JSON.stringify(join(core, 'src/policy/common-passwords.gen.ts'))};`,
    resolveDir: root,
    budget: BUDGETS.commonPasswords,
  },
  {
    id: 'supabase',
    label: '@supabase/auth-js GoTrueClient (reset, update, sign-in, sign-up)',
    code: `import { GoTrueClient } from '@supabase/auth-js';
const c = new GoTrueClient({ url: 'https://x.example' });
export const use = [c.resetPasswordForEmail, c.updateUser, c.signInWithPassword, c.signUp];`,
    resolveDir: root,
  },
  {
    id: 'firebase',
    label: 'firebase/auth (reset, verify, confirm, sign-in, create)',
    code: `export { getAuth, sendPasswordResetEmail, confirmPasswordReset, verifyPasswordResetCode, signInWithEmailAndPassword, createUserWithEmailAndPassword } from 'firebase/auth';`,
    resolveDir: root,
  },
];

/** Building blocks of core's client, to see where the bytes go. */
const breakdown: Entry[] = [
  {
    id: 'ky',
    label: 'ky (default export)',
    code: `export { default } from 'ky';`,
    resolveDir: core,
  },
  {
    id: 'contract',
    label: 'zod/mini + the wire contract schemas',
    code: `export * from '@connect-auth/core/contract';`,
    resolveDir: root,
  },
  {
    id: 'zod-mini',
    label: 'zod/mini (object, string, enum, array, safeParse)',
    code: `import * as z from 'zod/mini';
export const s = z.object({ a: z.string(), b: z.enum(['x', 'y']), c: z.array(z.number()) });
export const ok = (v) => s.safeParse(v).success;`,
    resolveDir: core,
  },
  {
    id: 'jose',
    label: 'jose decodeJwt',
    code: `export { decodeJwt } from 'jose';`,
    resolveDir: core,
  },
  {
    id: 'lit',
    label: 'lit (LitElement, html, css, nothing)',
    code: `export { LitElement, html, css, nothing } from 'lit';`,
    resolveDir: elements,
  },
  {
    id: 'errors',
    label: 'core errors (all classes + errorFromProblem)',
    code: `export * from ${JSON.stringify(join(core, 'src/errors/index.ts'))};`,
    resolveDir: root,
  },
];

/** One entry per `packages/elements/src/define/*.ts`, plus all of them together. */
function elementEntries(): Entry[] {
  const dir = join(elements, 'src/define');
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    : [];
  if (files.length === 0) return [];
  const list: Entry[] = files.map((f) => ({
    id: `element-${f.replace(/\.ts$/, '')}`,
    label: `elements: ${f} (+ lit + core)`,
    code: `import ${JSON.stringify(join(dir, f))};`,
    resolveDir: root,
    ...(JOURNEY_ENTRIES.includes(f.replace(/\.ts$/, '')) ? { budget: BUDGETS.elements } : {}),
  }));
  list.push({
    id: 'elements-all',
    label: 'elements: all define/*.ts (+ lit + core)',
    code: files.map((f) => `import ${JSON.stringify(join(dir, f))};`).join('\n'),
    resolveDir: root,
    budget: BUDGETS.elementsAll,
  });
  return list;
}

/** Groups input paths: a package under node_modules by name, our sources by package and folder. */
function groupOf(input: string): string {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = input.slice(nm + 13).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? input);
  }
  const m = /packages\/(\w+)\/src\/([^/]+)/.exec(input);
  if (m) return m[2]?.endsWith('.ts') ? `${m[1]}/src/${m[2]}` : `${m[1]}/src/${m[2]}/`;
  return input;
}

/** Minified bytes per group, largest first. */
function grouped(row: Row): [string, number][] {
  const groups = new Map<string, number>();
  for (const [input, bytes] of Object.entries(row.contributions)) {
    const g = groupOf(input);
    groups.set(g, (groups.get(g) ?? 0) + bytes);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

const rows = await Promise.all(entries.map(measure));
const ours = rows[0] as Row;
const policyRow = rows[1] as Row;
// The lazy chunk as the policy build emits it must match the standalone measurement.
const listInMain = ours.inputs.some((p) => p.includes('common-passwords.gen'));
const inCore = new Set(grouped(ours).map(([g]) => g));
const parts = (await Promise.all(breakdown.map(measure))).map((row) =>
  row.id === 'ky' && !inCore.has('ky')
    ? { ...row, label: `${row.label}: not in core's bundle` }
    : row,
);
const elementList = elementEntries();
const elementRows = await Promise.all(elementList.map(measure));

const kb = (n: number) => (n / KB).toFixed(1);
if (wantsJson) {
  console.log(
    JSON.stringify(
      {
        unit: 'bytes (1 KB = 1000 bytes)',
        budgets: BUDGETS,
        commonListInMainChunk: listInMain,
        policyLazyChunk: policyRow.lazy,
        results: rows.map(({ inputs, contributions, ...r }) => r),
        coreComposition: Object.fromEntries(grouped(ours)),
        breakdown: parts.map(({ inputs, contributions, ...r }) => r),
        elements: elementRows.length
          ? elementRows.map(({ inputs, contributions, ...r }) => r)
          : null,
        elementsComposition: elementRows.length
          ? Object.fromEntries(grouped(elementRows.at(-1) as Row))
          : null,
      },
      null,
      2,
    ),
  );
} else {
  const header = `${pad('', 66)}${pad('min', 9, true)}${pad('gzip', 9, true)}${pad('brotli', 9, true)}${pad('vs ours', 9, true)}  budget`;
  const line = (r: Row, withRatio = true) => {
    if (r.error) return `${pad(r.label, 66)}  BUILD FAILED: ${r.error}`;
    const ratio = withRatio && ours.gzip > 0 ? `${(r.gzip / ours.gzip).toFixed(2)}×` : '';
    const budget = r.budget === undefined ? '' : `${r.verdict} (≤ ${kb(r.budget)} KB gzip)`;
    return `${pad(r.label, 66)}${pad(r.min, 9, true)}${pad(r.gzip, 9, true)}${pad(r.brotli, 9, true)}${pad(ratio, 9, true)}  ${budget}`;
  };
  console.log(
    'Bundle sizes in bytes: esbuild bundle+minify, ESM, browser, es2022; gzip -9; brotli q11',
  );
  console.log(header);
  for (const r of rows) console.log(line(r));
  console.log(
    `  lazy chunk emitted by the policy build: ${policyRow.lazy.min} min, ${policyRow.lazy.gzip} gzip; ` +
      `common-password list in core's initial chunk: ${listInMain ? 'YES (it must not be)' : 'no'}`,
  );
  const composition = (row: Row) =>
    grouped(row)
      .filter(([, bytes]) => bytes >= 200)
      .map(([g, bytes]) => `${g} ${(bytes / KB).toFixed(1)}`)
      .join(', ');
  console.log(`\nWhere core's minified bytes go (KB, before gzip): ${composition(ours)}`);
  console.log('Building blocks measured alone');
  for (const r of parts) console.log(line(r));
  console.log('\nElements');
  if (elementRows.length === 0) {
    console.log('  packages/elements/src/define/*.ts not present yet: nothing to measure');
  } else {
    for (const r of elementRows) console.log(line(r));
    const all = elementRows.at(-1) as Row;
    if (!all.error) console.log(`Where the elements' minified bytes go (KB): ${composition(all)}`);
  }
}
