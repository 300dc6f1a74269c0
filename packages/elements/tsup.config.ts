import { defineConfig } from 'tsup';

/**
 * Build of `@connect-auth/elements`: ESM and declarations for the side-effect-free index, the
 * `all` entry, and one `define/<name>` entry per element. `lit` and `@connect-auth/core` stay
 * external so the app's bundler keeps one copy of each (core's session is shared that way).
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    all: 'src/all.ts',
    'define/lost-password': 'src/define/lost-password.ts',
    'define/reset-password': 'src/define/reset-password.ts',
    'define/sign-in': 'src/define/sign-in.ts',
    'define/register': 'src/define/register.ts',
    'define/password-input': 'src/define/password-input.ts',
    'define/change-password': 'src/define/change-password.ts',
    'define/change-email': 'src/define/change-email.ts',
  },
  format: ['esm'],
  platform: 'browser',
  target: 'es2023',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  external: ['lit', /^lit\//, '@connect-auth/core', /^@connect-auth\/core\//],
});
