/**
 * A process writing to an SQLite store with the checkpoint worker on (`sqlite.test.ts`,
 * `durability.test.ts`):
 *
 *   node --conditions=@connect-auth/source sqlite-checkpointer.child.ts <path> flood
^ *     20,000 awaited writes (a commit each), then the checkpointer's stats as
 *     one JSON line — and no `close()`: the process must end by itself.
 *   node … sqlite-checkpointer.child.ts <path> rotate
 *     rotates one refresh token after another, printing `ack <hash>` once each rotation's call
 *     resolved (and `stats <json>` every 500), until killed.
 */
import { randomUUID } from 'node:crypto';
import { openSqliteStore, sqliteCheckpoints } from './sqlite.ts';
import type { RefreshTokenRecord } from './types.ts';

const [path, mode] = process.argv.slice(2);
if (!path) throw new TypeError('usage: sqlite-checkpointer.child.ts <path> flood|rotate');
const store = await openSqliteStore({ path });

if (mode === 'flood') {
  for (let i = 0; i < 20_000; i++) await store.hitRateLimit(`k${i % 2000}`, 60_000, new Date());
  process.stdout.write(`${JSON.stringify(sqliteCheckpoints(store))}\n`);
} else {
  const now = new Date();
  const account = await store.createAccount({
    id: randomUUID(),
    email: 'child@example.com',
    emailKey: 'child@example.com',
    name: null,
    status: 'active',
    passwordHash: '$argon2id$x',
    createdAt: now,
  });
  const token = (): RefreshTokenRecord => ({
    id: randomUUID(),
    familyId: randomUUID(),
    accountId: account.id,
    tokenHash: `child-${randomUUID()}`,
    credentialVersion: account.credentialVersion,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
    usedAt: null,
    revokedAt: null,
  });
  let current = token();
  await store.insertRefreshToken(current);
  for (let i = 1; ; i++) {
    const next = token();
    const result = await store.rotateRefreshToken(current.tokenHash, next, now);
    if (!result.ok) throw new Error(`rotation failed: ${result.reason}`);
    current = next;
    process.stdout.write(`ack ${next.tokenHash}\n`);
    if (i % 500 === 0) process.stdout.write(`stats ${JSON.stringify(sqliteCheckpoints(store))}\n`);
    // As a server does between requests (and so that stdout drains).
    if (i % 20 === 0) await new Promise(setImmediate);
  }
}
