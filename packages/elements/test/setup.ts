import { afterAll, afterEach, beforeAll } from 'vitest';
import { de } from '../src/strings/de.ts';
import { registerTranslation } from '../src/strings/registry.ts';
import { seen, server } from './server.ts';

// As an app would: English is built in, German is registered.
registerTranslation('de', de);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  // The artifact tests (test/artifact) run in node: no document there.
  globalThis.document?.body.replaceChildren();
  globalThis.document?.documentElement.removeAttribute('lang');
});
afterAll(() => server.close());
