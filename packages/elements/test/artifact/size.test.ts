// @vitest-environment node

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_DIR,
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

  it("every entry keeps core's common-password list as one shared lazy chunk, and the strings beyond English lazy too", () => {
    const common = new Set<string>();
    for (const entry of ENTRIES) {
      const row = measure(entry);
      expect(row.files, entry).toHaveLength(1);
      const lists = row.lazy.files.filter((f) => f.startsWith('chunks/common-passwords'));
      expect(lists, entry).toHaveLength(1);
      common.add(lists[0] as string);
      // The rest: each shipped language's table, and English texts shown after a server answer.
      expect(row.lazy.files.length, entry).toBeGreaterThan(6);
    }
    expect([...common]).toHaveLength(1);
  });

  it("the account elements' strings reach only the account elements' files", () => {
    const marker = 'Change your password'; // an English account-page string
    const text = (file: string) => readFileSync(join(BROWSER_DIR, file), 'utf8');
    for (const entry of JOURNEY_ENTRIES) {
      const row = measure(entry);
      for (const file of [...row.files, ...row.lazy.files]) {
        expect(text(file), `${entry}: ${file}`).not.toContain(marker);
      }
    }
    for (const entry of ['all', 'define/change-password'] as const) {
      expect(
        measure(entry).files.some((f) => text(f).includes(marker)),
        entry,
      ).toBe(true);
    }
  });
});
