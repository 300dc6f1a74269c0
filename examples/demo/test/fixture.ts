/**
 * A demo on a free port over a fresh temporary data directory, as each test file needs one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@connect-auth/server';
import { type Demo, type DemoOptions, startDemo } from '../demo.ts';

/** A running demo and the way to dispose of it and its data. */
export interface DemoFixture {
  demo: Demo;
  dataDir: string;
  /** Close the demo and delete its data directory. */
  dispose(): Promise<void>;
}

/**
 * Start a demo for a test: port 0, a new temporary data directory, no logs.
 *
 * @example
 * ```ts
 * const { demo, dispose } = await freshDemo();
 * afterAll(dispose);
 * ```
 */
export async function freshDemo(options: DemoOptions = {}): Promise<DemoFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'connect-demo-'));
  const demo = await startDemo({ port: 0, dataDir, logger: silentLogger, ...options });
  return {
    demo,
    dataDir,
    async dispose() {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A clock the test moves: starts at the real time, `advance(ms)` moves it forward.
 *
 * @example
 * ```ts
 * const clock = testClock();
 * const { demo } = await freshDemo({ clock: clock.now });
 * clock.advance(25 * 60 * 60_000); // past a 24 h activation link
 * ```
 */
export function testClock(): { now: () => Date; advance: (ms: number) => void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
