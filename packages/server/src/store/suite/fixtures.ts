import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { StoreFactory, TestDatabase, TestStoreOptions } from '../testing.ts';
import type {
  AccountRecord,
  AccountStatus,
  NewOutboxMail,
  RefreshTokenRecord,
  ReserveSignInInput,
  SignInKeys,
  Store,
  TokenPurpose,
  TokenRecord,
} from '../types.ts';

/** A fixed instant the suite's clock starts from. */
export const T0 = new Date('2026-01-01T00:00:00.000Z');

/** `T0 + ms`. */
export function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

/** Minutes in milliseconds. */
export const MINUTE = 60_000;

/**
 * A fresh temporary directory (named `<prefix>…`) before each test, deleted with its contents
 * after it. Returns a getter. Register it before hooks that use the directory: its `afterEach`
 * then runs after theirs.
 */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error('temp dir not created');
    return dir;
  };
}

/**
 * Start `sqlite-checkpointer.child.ts` in a process of its own on the database at `path`:
 * `flood` writes until done and prints its checkpoint stats, `rotate` prints each acknowledged
 * rotation (for a SIGKILL). Its stdout is piped.
 */
export function spawnCheckpointerChild(path: string, mode: 'flood' | 'rotate') {
  return spawn(
    process.execPath,
    [
      '--conditions=@connect-auth/source',
      '--no-warnings',
      fileURLToPath(new URL('../sqlite-checkpointer.child.ts', import.meta.url)),
      path,
      mode,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/**
 * Open a fresh store before each test and close (and delete) it after. Returns a getter.
 */
export function useStore(factory: StoreFactory, options?: TestStoreOptions): () => Store {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await factory.open(options);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('store not open');
    return store;
  };
}

/**
 * Open two stores over one fresh database before each test (two connections on SQLite, two pools
 * on PostgreSQL: what two server processes have) and close them and delete the database after.
 * Returns a getter.
 */
export function useTwoStores(factory: StoreFactory): () => [Store, Store] {
  let database: TestDatabase | undefined;
  let stores: [Store, Store] | undefined;
  beforeEach(async () => {
    database = await factory.database();
    stores = [await database.open(), await database.open()];
  });
  afterEach(async () => {
    await Promise.all(stores?.map((s) => s.close()) ?? []);
    await database?.destroy();
    stores = undefined;
    database = undefined;
  });
  return () => {
    if (!stores) throw new Error('stores not open');
    return stores;
  };
}

/** Create an account with sensible defaults. */
export function createAccount(
  store: Store,
  overrides: Partial<{ email: string; status: AccountStatus; passwordHash: string | null }> = {},
): Promise<AccountRecord> {
  const email = overrides.email ?? `user-${randomUUID()}@example.com`;
  return store.createAccount({
    id: randomUUID(),
    email,
    emailKey: email.toLowerCase(),
    name: 'Test User',
    status: overrides.status ?? 'active',
    passwordHash: overrides.passwordHash === undefined ? '$argon2id$old' : overrides.passwordHash,
    createdAt: T0,
  });
}

/** A new outbox mail. */
export function mail(to: string, template = 'password_reset', createdAt = T0): NewOutboxMail {
  return { id: randomUUID(), to, template, payload: `sealed:${randomUUID()}`, createdAt };
}

/** A token row (unused, expiring 60 minutes after `createdAt`). */
export function token(
  accountId: string,
  purpose: TokenPurpose = 'reset',
  createdAt = T0,
  ttlMs = 60 * MINUTE,
): TokenRecord {
  return {
    id: randomUUID(),
    accountId,
    purpose,
    tokenHash: `hash-${randomUUID()}`,
    codeHash: `code-${randomUUID()}`,
    codeAttempts: 0,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + ttlMs),
    usedAt: null,
    supersededAt: null,
  };
}

/** Issue a token (superseding its own purpose) with its mail; returns the token. */
export async function issue(
  store: Store,
  account: AccountRecord,
  purpose: TokenPurpose = 'reset',
  createdAt = T0,
): Promise<TokenRecord> {
  const t = token(account.id, purpose, createdAt);
  await store.issueToken(t, [purpose], mail(account.email, purpose, createdAt));
  return t;
}

/** A refresh token of `account` in `familyId`. */
export function refreshToken(
  account: AccountRecord,
  familyId: string = randomUUID(),
  createdAt = T0,
): RefreshTokenRecord {
  return {
    id: randomUUID(),
    familyId,
    accountId: account.id,
    tokenHash: `refresh-${randomUUID()}`,
    credentialVersion: account.credentialVersion,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 30 * 24 * 60 * MINUTE),
    usedAt: null,
    revokedAt: null,
  };
}

/** The input of a password reset completion. */
export function resetInput(tokenId: string, to: string, now = T0, passwordHash = '$argon2id$new') {
  return { tokenId, passwordHash, now, notice: mail(to, 'password_changed', now) };
}

/** Sign-in rate-limit keys shaped like the server's (`services/limits.ts`), for one email and source. */
export function signInKeys(emailKey: string, source = '192.0.2.1'): SignInKeys {
  const prefix = `signin ${emailKey} `;
  return {
    lock: prefix,
    ip: `ip:signin:${source}`,
    source: `${prefix}source ${source}`,
    wait: `${prefix}wait ${source}`,
    account: `${prefix}account`,
    known: `known-source ${emailKey} ${source}`,
  };
}

/** A sign-in reservation for `emailKey` with the server's default windows. */
export function reserveInput(
  emailKey: string,
  overrides: Partial<Omit<ReserveSignInInput, 'emailKey'>> = {},
): ReserveSignInInput {
  const hour = 60 * MINUTE;
  return {
    emailKey,
    keys: signInKeys(emailKey),
    now: T0,
    ip: { windowMs: 5 * MINUTE, limit: 50 },
    source: { windowMs: 24 * hour, delayFrom: 5 },
    account: { windowMs: hour, hardStop: 20 },
    ...overrides,
  };
}
