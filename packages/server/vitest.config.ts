import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.ts';

export default defineProject({
  ...sourceResolve,
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Hang guards, not timing assertions: argon2id at OWASP cost and real PostgreSQL share two
    // cores with the other projects in a full run.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
