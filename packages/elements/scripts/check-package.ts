/**
 * Checks the package as published: packs it with `pnpm pack`, then checks the tarball's files
 * (no tests, test helpers or build scripts; the entries every export points at), the packed
 * `package.json` (repository, homepage, bugs; no `engines` on a browser package) and README
 * (absolute links only, as relative ones break on the registry), and runs publint (strict) and
 * `@arethetypeswrong/cli` (ESM-only profile, every entry point) on it.
 *
 * Run after `build`: `pnpm --filter @connect-auth/elements run check:package`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/** The files every export and field of package.json points at (relative to the package). */
export const REQUIRED = [
  'package.json',
  'README.md',
  'custom-elements.json',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/all.js',
  'dist/all.d.ts',
  'dist/define/sign-in.js',
  'dist/define/sign-in.d.ts',
  'dist/browser/all.js',
  'dist/browser/all.js.map',
  'dist/browser/define/sign-in.js',
  'dist/react.d.ts',
  'dist/react.js',
  'dist/vue.d.ts',
  'dist/vue.js',
  'dist/vscode.html-custom-data.json',
];

/** Pack the package into a fresh temporary directory; returns the tarball's path. */
export function pack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'connect-elements-pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg, stdio: 'ignore' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball to ${dir}`);
  return join(dir, tarball);
}

/** A file of the tarball, as text. */
export function readPacked(tarball: string, file: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${file}`], { encoding: 'utf8' });
}

/** The tarball's files, relative to the package. */
export function packedFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
}

/** What is wrong with the tarball's contents, package.json and README (empty when fine). */
export function problemsOf(tarball: string): string[] {
  const problems: string[] = [];
  const files = packedFiles(tarball);
  for (const file of files) {
    if (/\.test\.tsx?$/.test(file) || /(^|\/)(test|type-tests|scripts)\//.test(file)) {
      problems.push(`ships a test, test helper or script: ${file}`);
    }
  }
  for (const file of REQUIRED) {
    if (!files.includes(file)) problems.push(`misses ${file}`);
  }
  const manifest = JSON.parse(readPacked(tarball, 'package.json')) as Record<string, unknown>;
  const repository = manifest.repository as { url?: string; directory?: string } | undefined;
  if (!repository?.url?.includes('github.com/codelocks/connect-auth')) {
    problems.push('package.json: no repository url');
  }
  if (repository?.directory !== 'packages/elements') {
    problems.push('package.json: repository.directory is not packages/elements');
  }
  if (typeof manifest.homepage !== 'string' || !manifest.homepage.startsWith('https://')) {
    problems.push('package.json: no homepage');
  }
  if (!(manifest.bugs as { url?: string } | undefined)?.url)
    problems.push('package.json: no bugs url');
  if (manifest.engines) problems.push('package.json: engines on a browser package');
  const readme = readPacked(tarball, 'README.md');
  for (const [, target] of readme.matchAll(/\]\(([^)]+)\)/g)) {
    if (!/^(https:\/\/|#)/.test(target as string)) {
      problems.push(`README.md: link is not absolute: ${target}`);
    }
  }
  return problems;
}

if (import.meta.main) {
  const tarball = pack();
  try {
    const problems = problemsOf(tarball);
    if (problems.length > 0) {
      console.error(`package check failed:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
    } else {
      console.log(`tarball ok: ${packedFiles(tarball).length} files, no tests`);
    }
    execFileSync('publint', ['--strict'], { cwd: pkg, stdio: 'inherit' });
    execFileSync(
      'attw',
      [
        tarball,
        '--profile',
        'esm-only',
        '--include-entrypoints',
        ...['lost-password', 'reset-password', 'sign-in', 'register', 'password-input'].flatMap(
          (name) => [`define/${name}`, `browser/define/${name}.js`],
        ),
        'browser/all.js',
      ],
      { cwd: pkg, stdio: 'inherit' },
    );
  } catch (error) {
    console.error(String(error));
    process.exitCode = 1;
  } finally {
    rmSync(join(tarball, '..'), { recursive: true, force: true });
  }
}
