import { defineProject } from 'vitest/config';

/**
 * The consumer suite: the packed packages installed with npm into fresh projects outside the
 * workspace, built with esbuild, webpack and Vite, and checked in headless Chromium. No source
 * condition here: everything resolves as it does for users. One file, tests in order; an app's
 * test waits for its install, which runs in the background from the start.
 */
export default defineProject({
  test: {
    name: 'consumer',
    environment: 'node',
    include: ['*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
