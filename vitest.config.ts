import { defineConfig } from 'vitest/config';

/**
 * One Vitest run covers the whole repo: each package is a project with its own config
 * (Vitest 5 `test.projects`; the old `vitest.workspace.ts` file is no longer supported).
 * Every project resolves workspace packages through the `@connect-auth/source` export
 * condition, so tests run against `src/` without a build.
 */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'tests/consumer/vitest.config.ts',
    ],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
