import { describe, expect, it } from 'vitest';
import { isStoreError } from '../errors.ts';
import { migrations } from '../sql/migrations.ts';
import type { StoreFactory } from '../testing.ts';
import { createAccount } from './fixtures.ts';

/** Versioned migrations, applied on open, idempotent, safe when processes start together. */
export function schemaTests(factory: StoreFactory): void {
  describe('migrations', () => {
    it('are idempotent: opening the same database again keeps data and versions', async () => {
      const database = await factory.database();
      try {
        const first = await database.open();
        const account = await createAccount(first);
        await first.close();
        const second = await database.open();
        await second.migrate();
        expect(await second.findAccountById(account.id)).toEqual(account);
        await second.close();
        expect(
          await database.query('SELECT version FROM schema_migrations ORDER BY version'),
        ).toEqual(migrations.map((m) => ({ version: m.version })));
      } finally {
        await database.destroy();
      }
    });

    it('several stores opening a fresh database at once migrate it exactly once', async () => {
      const database = await factory.database();
      try {
        const stores = await Promise.all(Array.from({ length: 4 }, () => database.open()));
        await Promise.all(stores.map((s) => s.close()));
        expect(await database.query('SELECT COUNT(*) AS n FROM schema_migrations')).toEqual([
          { n: migrations.length },
        ]);
      } finally {
        await database.destroy();
      }
    });

    it('refuse a database migrated by a newer server', async () => {
      const database = await factory.database();
      try {
        await (await database.open()).close();
        await database.query(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)",
        );
        const error = await database.open().catch((e: unknown) => e);
        expect(isStoreError(error, 'schema_too_new')).toBe(true);
      } finally {
        await database.destroy();
      }
    });

    it('enforce unique emailKeys in the schema itself', async () => {
      const database = await factory.database();
      try {
        await (await database.open()).close();
        const insert = (id: string) =>
          database.query(
            `INSERT INTO accounts (id, email, email_key, status, created_at, updated_at) VALUES ('${id}', 'x@example.com', 'x@example.com', 'active', 0, 0)`,
          );
        await insert('a');
        await expect(insert('b')).rejects.toThrow();
      } finally {
        await database.destroy();
      }
    });
  });
}
