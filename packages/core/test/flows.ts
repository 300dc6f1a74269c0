import { createConnectClient } from '../src/client.ts';
import type { ConnectClient } from '../src/types.ts';
import { BASE, on, server } from './msw.ts';

/** A client on the msw base URL: fast retries, no refresh timer. */
export const client = (extra: object = {}): ConnectClient =>
  createConnectClient({
    baseUrl: BASE,
    retry: { limit: 2, maxDelayMs: 5 },
    refreshBeforeExpiryMs: false,
    ...extra,
  });

/** Records the JSON bodies a route receives (undefined for none) and answers with `answer`. */
export function recording(route: Parameters<typeof on>[0], answer: () => Response): unknown[] {
  const bodies: unknown[] = [];
  server.use(
    on(route, async ({ request }) => {
      const text = await request.text();
      bodies.push(text === '' ? undefined : JSON.parse(text));
      return answer();
    }),
  );
  return bodies;
}

/** The policy answer used by flow tests. */
export const POLICY = {
  id: 'connect',
  version: 3,
  rules: [{ id: 'min_length', level: 'required', params: { min: 8 } }],
};
