/**
 * Where the built package is, for the tests that exercise the artifact (`dist/`) rather than
 * `src/`. They need `pnpm run build` first (`npm test` builds before it runs vitest).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `packages/elements`. */
export const PACKAGE_DIR = join(import.meta.dirname, '../..');
/** The repository root, whose `node_modules/@connect-auth/*` link the workspace packages. */
export const REPO_ROOT = join(PACKAGE_DIR, '../..');
export const DIST = join(PACKAGE_DIR, 'dist');

/** Every tag, in the order `all` registers them. */
export const TAGS = [
  'connect-password-input',
  'connect-lost-password',
  'connect-reset-password',
  'connect-sign-in',
  'connect-register',
  'connect-change-password',
  'connect-change-email',
] as const;

/** The side-effectful entries and the tags each registers (its own and the ones it renders). */
export const DEFINE_ENTRIES: Record<string, readonly string[]> = {
  all: TAGS,
  'define/password-input': ['connect-password-input'],
  'define/lost-password': ['connect-password-input', 'connect-lost-password', 'connect-sign-in'],
  'define/sign-in': ['connect-password-input', 'connect-lost-password', 'connect-sign-in'],
  'define/reset-password': [
    'connect-password-input',
    'connect-lost-password',
    'connect-sign-in',
    'connect-reset-password',
  ],
  'define/register': ['connect-password-input', 'connect-register'],
  'define/change-password': ['connect-password-input', 'connect-change-password'],
  'define/change-email': ['connect-password-input', 'connect-change-email'],
};

/** Throw a clear error when the package (or core, which it imports) has not been built. */
export function requireBuilt(...files: string[]): void {
  const wanted = [
    join(DIST, 'all.js'),
    join(REPO_ROOT, 'packages/core/dist/index.js'),
    ...files.map((f) => join(DIST, f)),
  ];
  const missing = wanted.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`not built: ${missing.join(', ')}. Run \`pnpm run build\` first.`);
  }
}

/** `packages/elements/package.json`, as published. */
export function packageJson(): Record<string, unknown> & {
  exports: Record<string, unknown>;
  sideEffects: string[] | boolean;
} {
  return JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
}

/** Modification time of a dist file (to spot a stale build). */
export const mtime = (file: string): number => statSync(join(DIST, file)).mtimeMs;
