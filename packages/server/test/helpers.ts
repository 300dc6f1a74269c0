/**
 * Test harness: a real server (createServer) on 127.0.0.1:0 over a fresh store of one adapter,
 * the real core client, an adjustable clock, captured logs and the outbox read back (unsealed).
 */

import type { ConnectClientOptions } from '@connect-auth/core';
import { createConnectClient } from '@connect-auth/core';
import { vi } from 'vitest';
import { memoryLogger } from '../src/log.ts';
import { memoryTransport } from '../src/mail/transports.ts';
import { type ConnectServer, type CreateServerOptions, createServer } from '../src/server.ts';
import type { StoreFactory } from '../src/store/testing.ts';
import type { OutboxRecord, Store } from '../src/store/types.ts';

// These tests hash real argon2id passwords and talk HTTP; under a parallel full run on 2 cores a
// few take seconds. A generous timeout keeps them honest without flaking.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
export const STRONG = 'Harbour-Lantern-42';

/** A mail from the outbox with its sealed payload opened. */
export interface OpenedMail extends OutboxRecord {
  data: Record<string, unknown>;
  link?: string;
  code?: string;
  token?: string;
}

/** A clock tests move by hand. */
export function testClock(start = new Date('2026-01-15T10:00:00.000Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

export async function startServer(factory: StoreFactory, options: CreateServerOptions = {}) {
  const logger = memoryLogger();
  const transport = memoryTransport();
  const store = options.store ?? (await factory.open());
  const server: ConnectServer = await createServer({
    dev: true,
    port: 0,
    secret: SECRET,
    logger,
    transport,
    mailPollMs: 60_000,
    ...options,
    store,
  });
  const url = await server.listen();
  return {
    server,
    url,
    logger,
    transport,
    store,
    client(extra: Partial<ConnectClientOptions> = {}) {
      return createConnectClient({
        baseUrl: url,
        retry: false,
        refreshBeforeExpiryMs: false,
        ...extra,
      });
    },
    /** Every mail in the outbox, newest first, unsealed. */
    async mails(): Promise<OpenedMail[]> {
      await server.settled();
      const rows = await store.listMail(1000);
      return rows.map((row) => {
        const data = row.payload ? server.sealer.unseal<Record<string, unknown>>(row.payload) : {};
        const link = typeof data.link === 'string' ? data.link : undefined;
        return {
          ...row,
          data,
          link,
          code: typeof data.code === 'string' ? data.code : undefined,
          token: link ? new URL(link).hash.replace(/^#token=/, '') : undefined,
        };
      });
    },
    /** Newest mail to `to` (of a template, if given). */
    async lastMail(to: string, template?: string): Promise<OpenedMail | undefined> {
      return (await this.mails()).find(
        (m) => m.to === to && (!template || m.template === template),
      );
    },
    async post(path: string, body: unknown, headers: Record<string, string> = {}) {
      return fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    close: () => server.close(),
  };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** Create accounts directly in the store (one per status). */
export async function seedAccount(
  t: { store: Store },
  email: string,
  status: 'active' | 'pending_activation' | 'pending_verification' | 'disabled',
  password = STRONG,
) {
  const hasher = (await import('../src/auth/password.ts')).createPasswordHasher();
  return t.store.createAccount({
    id: crypto.randomUUID(),
    email,
    emailKey: email.toLowerCase(),
    name: null,
    status,
    passwordHash: status === 'pending_activation' ? null : await hasher.hash(password),
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
}

/** Catch a rejection and return it (for asserting on ConnectError codes). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; status?: number; [k: string]: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected a rejection');
}

/** The adapters, probed once: every suite runs on each; an unavailable one is skipped with its reason printed. */
export const factories = await (await import('../src/store/testing.ts')).storeFactories();
for (const f of factories) {
  if (!f.available) console.warn(`[${f.name}] tests skipped: ${f.reason}`);
}
