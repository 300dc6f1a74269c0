/**
 * The no-build browser files: `dist/browser/all.js` and `dist/browser/define/<name>.js`, with
 * lit and `@connect-auth/core` inlined, minified ESM with source maps, loadable straight from
 * `<script type="module" src=".../all.js">`. Each entry is one file, built on its own
 * (one file per page is what a no-build page wants, and per-file gzip of shared chunks would cost
 * ~4 KB): a page uses `all.js` or one `define/<name>.js`, as two of them would each bring a copy
 * of lit and core. Core's common-password list stays a lazy chunk loaded on first use, the same
 * content-hashed file for every entry.
 *
 * Run after tsup (the package's `build` script does): `node scripts/build-browser.ts`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const out = join(pkg, 'dist/browser');
const names = [
  'lost-password',
  'reset-password',
  'sign-in',
  'register',
  'password-input',
  'change-password',
  'change-email',
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const entries: Record<string, string> = {
  all: 'src/all.ts',
  ...Object.fromEntries(names.map((name) => [`define/${name}`, `src/define/${name}.ts`])),
};
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      absWorkingDir: pkg,
      entryPoints: { [name]: entry },
      outdir: out,
      bundle: true,
      // Only for the lazy import(): content-hashed, so every entry shares the one file.
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      sourcemap: 'linked',
      // Lit's BSD notices go to <file>.LEGAL.txt, linked from the file.
      legalComments: 'linked',
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'warning',
    }),
  ),
);
