import { afterAll, afterEach, beforeAll } from 'vitest';
import { seen, server } from './server.ts';

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});
afterAll(() => server.close());
