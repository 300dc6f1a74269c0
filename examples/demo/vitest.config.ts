import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.ts';

/**
 * The demo's tests: the demo server itself (node) and the real-browser end-to-end tests in
 * headless Chromium (playwright-core driving Debian's /usr/bin/chromium). One file at a time so a
 * 2-core machine stays responsive; generous timeouts for browser start and argon2 hashing.
 */
export default defineProject({
  ...sourceResolve,
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A step waits on argon2 and the outbox: under a full parallel run that can take seconds.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
