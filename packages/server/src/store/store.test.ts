import { describe } from 'vitest';
import { defineStoreSuite } from './store.suite.ts';
import { storeFactories } from './testing.ts';

for (const factory of await storeFactories()) {
  if (!factory.available) {
    // Never silent: the reason appears in the run's output and in the suite's name.
    console.warn(`[store] ${factory.name} suite skipped: ${factory.reason}`);
  }
  const title = factory.available ? factory.name : `${factory.name} (skipped: ${factory.reason})`;
  describe.skipIf(!factory.available)(title, () => defineStoreSuite(factory));
}
