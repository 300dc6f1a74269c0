import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.ts';

export default defineProject({
  ...sourceResolve,
  test: {
    name: 'elements',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
