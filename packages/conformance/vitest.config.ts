import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.ts';

export default defineProject({
  ...sourceResolve,
  test: {
    name: 'conformance',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Hang guards, not timing assertions: each run hashes real argon2id passwords against a real
    // server on two shared cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
