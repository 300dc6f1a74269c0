// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGET_GZIP,
  ENTRIES,
  JOURNEY_BUDGET_GZIP,
  JOURNEY_ENTRIES,
  measure,
} from '../../scripts/size.ts';
import { requireBuilt } from './dist.ts';

/** The size budget, measured from the shipped browser files (figures: `pnpm run size`). */
beforeAll(() => requireBuilt('browser/all.js'));

// brotli 11 over ~90 KB per entry is slow on a shared 2-core machine.
describe('dist/browser sizes', { timeout: 60_000 }, () => {
  it.each(JOURNEY_ENTRIES)(
    `%s fits the journey budget (≤ ${JOURNEY_BUDGET_GZIP / 1000} KB min+gzip): a journey page never pays for the account pages`,
    (entry) => {
      expect(measure(entry).gzip).toBeLessThanOrEqual(JOURNEY_BUDGET_GZIP);
    },
  );

  it(`all seven elements fit the budget (≤ ${BUDGET_GZIP / 1000} KB min+gzip), one file each`, () => {
    const all = measure('all');
    expect(all.files).toEqual(['all.js']);
    expect(all.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it("every entry keeps core's common-password list as one shared lazy chunk", () => {
    const lazy = new Set<string>();
    for (const entry of ENTRIES) {
      const row = measure(entry);
      expect(row.files, entry).toHaveLength(1);
      expect(row.lazy.files, entry).toHaveLength(1);
      lazy.add(row.lazy.files[0] as string);
    }
    expect([...lazy]).toHaveLength(1);
    expect([...lazy][0]).toMatch(/^chunks\/common-passwords/);
  });
});
