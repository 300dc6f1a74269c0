/**
 * The pages benchmark's server, in its own process: the demo (`startDemo`, port 0, a temporary
 * data directory) with the hand-written baseline page beside its own, and a real reset link for
 * the migrated account, minted the way a user does (request, then the dev inbox). Prints one JSON
 * line `{ url, link, baseline }` when ready; exits on SIGTERM.
 *
 *   node --conditions=@connect-auth/source bench/pages/demo.child.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from '../../examples/demo/demo.ts';
import { resetLink } from '../../examples/demo/links.ts';
import { silentLogger } from '../../packages/server/src/log.ts';
import { BASELINE_PATH, baselinePage } from './baseline.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'connect-bench-pages-'));
const demo = await startDemo({
  port: 0,
  dataDir,
  logger: silentLogger,
  extraPages: [baselinePage],
});
const link = await resetLink(demo);
const fragment = new URL(link).hash;
process.stdout.write(
  `${JSON.stringify({ url: demo.url, link, baseline: `${demo.url}${BASELINE_PATH}${fragment}` })}\n`,
);

const stop = async () => {
  await demo.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
