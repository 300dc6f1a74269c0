import { defineConfig } from 'tsup';

/**
 * Build of `@connect-auth/core`: ESM and declarations for each public entry, platform-neutral
 * (the browser entry must not pull Node built-ins), dependencies external so the app's bundler
 * de-duplicates zod and jose. Source imports use `.ts` extensions; esbuild rewrites them.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'policy/index': 'src/policy/index.ts',
    'contract/index': 'src/contract/index.ts',
    'node/index': 'src/node/index.ts',
    'openapi/index': 'src/openapi/index.ts',
  },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2023',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  external: ['zod', 'jose', /^node:/],
  // Keep `node:` specifiers: the Node entry must never resolve a browser polyfill named `crypto`.
  removeNodeProtocol: false,
});
