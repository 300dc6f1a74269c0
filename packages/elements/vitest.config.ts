import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../vitest.shared.ts';

export default defineProject({
  ...sourceResolve,
  test: {
    name: 'elements',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environmentOptions: {
      // The mocked Connect server (msw) lives on another origin; CORS is the server's business.
      happyDOM: {
        url: 'https://app.test/',
        settings: { fetch: { disableSameOriginPolicy: true } },
      },
    },
  },
});
