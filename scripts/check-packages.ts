/**
 * `pnpm run check:packages`: every published package passes publint (strict: warnings fail)
 * and @arethetypeswrong/cli under the ESM-only profile (types resolve for `node16` from ESM and
 * for bundlers; CommonJS consumers are out of scope by design). Both look at what `pack`
 * produces, so run it after `pnpm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packages = readdirSync(join(root, 'packages')).sort();
let failed = 0;
for (const name of packages) {
  const dir = join(root, 'packages', name);
  for (const [tool, args] of [
    ['publint', ['--strict', dir]],
    ['attw', ['--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped']],
  ] as const) {
    const result = spawnSync('pnpm', ['exec', tool, ...args], { cwd: root, encoding: 'utf8' });
    if (result.status === 0) {
      process.stdout.write(`check:packages: ${name}: ${tool} ok\n`);
    } else {
      failed += 1;
      process.stdout.write(
        `check:packages: ${name}: ${tool} FAILED\n${result.stdout}${result.stderr}\n`,
      );
    }
  }
}
if (failed > 0) {
  process.stderr.write(`check:packages: ${failed} check(s) failed\n`);
  process.exit(1);
}
