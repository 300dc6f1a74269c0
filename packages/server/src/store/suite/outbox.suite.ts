import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../testing.ts';
import { at, MINUTE, mail, T0, useStore, useTwoStores } from './fixtures.ts';

/** The durable outbox: enqueue, lease, retry, dead letters, scrubbing (SECURITY 2, 25). */
export function outboxTests(factory: StoreFactory): void {
  describe('outbox', () => {
    const store = useStore(factory);

    it('claims due mail oldest first, leasing it and counting the attempt', async () => {
      const later = mail('b@example.com', 'password_reset', at(10));
      const first = mail('a@example.com', 'password_reset', at(0));
      const future = mail('c@example.com', 'password_reset', at(MINUTE));
      for (const m of [later, first, future]) await store().enqueueMail(m);
      const claimed = await store().claimDueMail(at(20), 10, 30_000);
      expect(claimed.map((m) => m.id)).toEqual([first.id, later.id]);
      expect(claimed[0]).toMatchObject({
        to: 'a@example.com',
        template: 'password_reset',
        payload: first.payload,
        status: 'pending',
        attempts: 1,
        leaseUntil: at(30_020),
        sentAt: null,
      });
      // Leased: not claimable again until the lease ends.
      expect(await store().claimDueMail(at(30_019), 10, 30_000)).toEqual([]);
      expect((await store().claimDueMail(at(30_020), 10, 30_000)).map((m) => m.id)).toEqual([
        first.id,
        later.id,
      ]);
    });

    it('honours the limit', async () => {
      for (let i = 0; i < 5; i++) await store().enqueueMail(mail(`${i}@example.com`, 'x', at(i)));
      expect(await store().claimDueMail(at(10), 2, 1000)).toHaveLength(2);
      expect(await store().claimDueMail(at(10), 10, 1000)).toHaveLength(3);
      expect(await store().claimDueMail(at(10), 0, 1000)).toEqual([]);
    });

    it('marks sent, scrubbing the payload when asked', async () => {
      const kept = mail('a@example.com');
      const scrubbed = mail('b@example.com');
      await store().enqueueMail(kept);
      await store().enqueueMail(scrubbed);
      await store().claimDueMail(T0, 10, 1000);
      await store().markMailSent(kept.id, at(5), false);
      await store().markMailSent(scrubbed.id, at(6), true);
      const byId = new Map((await store().listMail(10)).map((m) => [m.id, m]));
      expect(byId.get(kept.id)).toMatchObject({
        status: 'sent',
        sentAt: at(5),
        payload: kept.payload,
        leaseUntil: null,
      });
      expect(byId.get(scrubbed.id)).toMatchObject({ status: 'sent', sentAt: at(6), payload: null });
      expect(await store().claimDueMail(at(10_000), 10, 1000)).toEqual([]);
    });

    it('retries a failed mail at retryAt, and gives up (dead) when retryAt is null', async () => {
      const m = mail('a@example.com');
      await store().enqueueMail(m);
      await store().claimDueMail(T0, 10, 60_000);
      await store().markMailFailed(m.id, 'SMTP 421 try later', at(5000));
      expect(await store().claimDueMail(at(4999), 10, 60_000)).toEqual([]);
      const [retried] = await store().claimDueMail(at(5000), 10, 60_000);
      expect(retried).toMatchObject({ id: m.id, attempts: 2, lastError: 'SMTP 421 try later' });
      await store().markMailFailed(m.id, 'SMTP 550 no such user', null);
      const [dead] = await store().listMail(1);
      expect(dead).toMatchObject({
        status: 'dead',
        lastError: 'SMTP 550 no such user',
        leaseUntil: null,
      });
      expect(await store().claimDueMail(at(10 * MINUTE), 10, 60_000)).toEqual([]);
    });

    it('keeps error messages bounded', async () => {
      const m = mail('a@example.com');
      await store().enqueueMail(m);
      await store().markMailFailed(m.id, 'x'.repeat(5000), at(1));
      const [row] = await store().listMail(1);
      expect(row?.lastError?.length).toBe(1000);
    });

    it('lists newest first, up to the limit', async () => {
      const ids = [];
      for (let i = 0; i < 3; i++) {
        const m = mail(`${i}@example.com`, 'x', at(i * 1000));
        ids.push(m.id);
        await store().enqueueMail(m);
      }
      expect((await store().listMail(2)).map((m) => m.id)).toEqual([ids[2], ids[1]]);
    });
  });

  describe('outbox with two workers over one database', () => {
    const stores = useTwoStores(factory);

    it('two concurrent claimers never get the same mail', async () => {
      const [a, b] = stores();
      const all = Array.from({ length: 40 }, (_, i) => mail(`${i}@example.com`, 'x', at(i)));
      for (const m of all) await a.enqueueMail(m);
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimDueMail(at(100), 3, 60_000)),
      );
      const claimed = claims.flat().map((m) => m.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBe(30);
      const rest = [
        ...(await a.claimDueMail(at(100), 100, 60_000)),
        ...(await b.claimDueMail(at(100), 100, 60_000)),
      ];
      expect(rest).toHaveLength(10);
      expect(new Set([...claimed, ...rest.map((m) => m.id)]).size).toBe(40);
    });

    it('an expired lease makes the mail claimable by the other worker', async () => {
      const [a, b] = stores();
      const m = mail('a@example.com');
      await a.enqueueMail(m);
      expect(await a.claimDueMail(T0, 1, 1000)).toHaveLength(1);
      expect(await b.claimDueMail(at(999), 1, 1000)).toEqual([]);
      const [again] = await b.claimDueMail(at(1000), 1, 1000);
      expect(again).toMatchObject({ id: m.id, attempts: 2 });
    });
  });
}
