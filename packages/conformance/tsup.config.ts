import { defineConfig } from 'tsup';

/**
 * Build of `@connect-auth/conformance`: ESM for Node (≥ 22) with declarations — the library entry
 * and the `connect-auth-conformance` bin. Dependencies stay external (installed beside it).
 */
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  removeNodeProtocol: false,
  external: [/^@connect-auth\//, 'jose', 'zod', 'smtp-server', 'mailparser', /^node:/],
});
