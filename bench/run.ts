/**
 * `pnpm bench`: build the packages, run every benchmark (each in its own process, one after the
 * other), print their tables as they come and write them, with the machine, the date and the
 * versions measured, to docs/benchmarks.md (the hand-written analysis at the end of that file,
 * after the `<!-- analysis -->` marker, is kept). Takes about 9–10 minutes on a 2-core machine.
 *
 *   pnpm bench            everything
 *   pnpm bench size,policy  only these parts (size, policy, server, pages, round-trips), docs/benchmarks.md untouched
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]?.split(',');
const PARTS: { name: string; args: string[] }[] = [
  { name: 'size', args: ['bench/size.ts'] },
  { name: 'policy', args: ['--conditions=@connect-auth/source', 'bench/policy.ts'] },
  { name: 'server', args: ['bench/server.ts'] },
  { name: 'pages', args: ['bench/pages.ts'] },
  { name: 'round-trips', args: ['--conditions=@connect-auth/source', 'bench/round-trips.ts'] },
].filter((p) => !only || only.includes(p.name));

const started = Date.now();
const say = (m: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}\n`);
say('building the packages (pnpm run build)');
execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const version = (name: string, from = root) => {
  for (const dir of [from, join(root, 'packages/server'), join(root, 'packages/core')]) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file))
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '?';
};
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const cpu = cpus();
const header = [
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} (${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${(freemem() / 2 ** 30).toFixed(1)} GiB free; load average before the run ${loadavg()
    .map((l) => l.toFixed(2))
    .join(
      ' ',
    )}), Linux, Node ${process.version}, commit \`${git('rev-parse', '--short', 'HEAD')}\`${git('status', '--porcelain') ? ' + uncommitted changes' : ''}.`,
  '',
  `Versions: ${[
    'firebase',
    '@supabase/auth-js',
    'aws-amplify',
    'better-auth',
    'zxcvbn',
    '@zxcvbn-ts/core',
    '@zxcvbn-ts/language-en',
    'check-password-strength',
    '@node-rs/argon2',
    'pg',
    'esbuild',
  ]
    .map((n) => `${n} ${version(n)}`)
    .join(', ')}; PostgreSQL on 127.0.0.1.`,
].join('\n');
console.log(header);

const sections: string[] = [];
for (const part of PARTS) {
  say(`running ${part.name}`);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, part.args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${part.name} exited ${code}`)),
    );
  });
  sections.push(out.trim());
}
say(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);

if (!only) {
  const file = join(root, 'docs/benchmarks.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marker = '<!-- analysis -->';
  const analysis = old.includes(marker) ? old.slice(old.indexOf(marker)) : `${marker}\n`;
  writeFileSync(
    file,
    `# Benchmarks\n\nWritten by \`pnpm bench\` (bench/run.ts); everything above the analysis is generated — run it again rather than editing. Figures depend on the machine and on what else runs on it; compare runs on the same machine. How each figure is taken: [bench/README.md](../bench/README.md).\n\n${header}\n\n## Figures\n\n${sections.join('\n\n')}\n\n${analysis}`,
  );
  say('wrote docs/benchmarks.md');
}
