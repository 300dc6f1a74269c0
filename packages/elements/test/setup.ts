import { afterAll, afterEach, beforeAll } from 'vitest';
import { seen, server } from './server.ts';

// As on a page with no app code: English is built in, other languages load themselves.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  // The artifact tests (test/artifact) run in node: no document there.
  globalThis.document?.body.replaceChildren();
  globalThis.document?.documentElement.removeAttribute('lang');
});
afterAll(() => server.close());
