// @vitest-environment node
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack, packedFiles, problemsOf, readPacked } from '../../scripts/check-package.ts';
import { requireBuilt } from './dist.ts';

/**
 * The tarball `pnpm pack` makes: no tests or helpers, the files every export needs, the
 * registry-facing fields. (publint and attw run in `check:package`.)
 */
let tarball = '';

beforeAll(() => {
  requireBuilt('browser/all.js', 'react.d.ts');
  tarball = pack();
}, 60_000);
afterAll(() => {
  if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
});

describe('the packed @connect-auth/elements', () => {
  it('has no problems (tests, missing files, fields, relative README links)', () => {
    expect(problemsOf(tarball)).toEqual([]);
  });

  it('ships sources for the source maps but none of their tests', () => {
    const files = packedFiles(tarball);
    expect(files).toContain('src/define/sign-in.ts');
    expect(files.filter((f) => f.includes('.test.'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('test/'))).toEqual([]);
  });

  it('marks every registering file side-effectful, and the index is not', () => {
    const manifest = JSON.parse(readPacked(tarball, 'package.json')) as {
      sideEffects: string[];
      exports: Record<string, unknown>;
    };
    expect(manifest.sideEffects).toEqual(
      expect.arrayContaining(['./dist/define/*.js', './dist/all.js', './dist/browser/**']),
    );
    expect(manifest.sideEffects).not.toContain('./dist/index.js');
    expect(Object.keys(manifest.exports)).toEqual(
      expect.arrayContaining(['./browser/*.js', './react', './vue', './custom-elements.json']),
    );
  });
});
