import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { createBackground } from './background.ts';

describe('background tasks', () => {
  it('run at most `concurrency` at once, all of them, in order; settled() waits for the last', async () => {
    const background = createBackground(silentLogger, { concurrency: 2 });
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    for (let i = 0; i < 6; i++) {
      background.run('t', async () => {
        active++;
        peak = Math.max(peak, active);
        order.push(i);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      });
    }
    await background.settled();
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a failing task frees its slot and is logged, not thrown', async () => {
    const errors: unknown[] = [];
    const logger = { ...silentLogger, error: (...args: unknown[]) => errors.push(args) };
    const background = createBackground(logger, { concurrency: 1 });
    let ran = false;
    background.run('fails', async () => {
      throw new Error('boom');
    });
    background.run('after', async () => {
      ran = true;
    });
    await background.settled();
    expect(ran).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
