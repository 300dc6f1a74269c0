import { defineConfig } from 'tsup';

/**
 * Build of `@connect-auth/server`: ESM for Node (≥ 22) with declarations — the library entry and
 * the `connect-auth-server` bin. Dependencies stay external (installed beside it); `node:` built-ins
 * keep their protocol (`node:sqlite` exists only under that name).
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
  external: [/^@connect-auth\//, 'jose', 'zod', 'pg', 'nodemailer', '@node-rs/argon2', /^node:/],
});
