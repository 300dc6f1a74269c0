import { type ConnectClient, createConnectClient } from '@connect-auth/core';

const shared = new Map<string, ConnectClient>();

/**
 * One client per base URL, shared by every element configured with that `base-url`, so that they
 * share the session and the cached password policy. Returns `null` for an unusable URL.
 */
export function clientForBaseUrl(baseUrl: string): ConnectClient | null {
  let key: string;
  try {
    key = new URL(baseUrl, globalThis.location?.href).href.replace(/\/+$/, '');
  } catch {
    return null;
  }
  let client = shared.get(key);
  if (!client) {
    client = createConnectClient({ baseUrl: key });
    shared.set(key, client);
  }
  return client;
}
