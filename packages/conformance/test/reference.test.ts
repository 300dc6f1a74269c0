/**
 * The reference server passes the kit on SQLite and PostgreSQL: every check runs except the three
 * that cannot be proven black-box (two need a controllable clock, one a timing study), which are
 * listed as skipped with their reason. The server's
 * per-address mail cooldown is shortened to 1 s (and given to the kit) so the checks that need two
 * mails to one address run too.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, listChecks, runConformance } from '../src/index.ts';
import { postgresAvailable, startReference } from './reference.ts';

const ORIGIN = 'https://app.example';
/** The checks that cannot be proven black-box: they need a clock, or a timing study. */
const NOT_BLACK_BOX = ['reset.expiry', 'limits.mail-per-address', 'reset.no-timing-enumeration'];

const postgres = await postgresAvailable();
if (!postgres.ok) console.warn(`[conformance] PostgreSQL run skipped: ${postgres.reason}`);

for (const kind of ['sqlite', 'postgres'] as const) {
  const unavailable = kind === 'postgres' && !postgres.ok;
  describe.skipIf(unavailable)(
    unavailable
      ? `the reference server on ${kind} (skipped: ${postgres.reason})`
      : `the reference server on ${kind}`,
    () => {
      it('passes every check; only those that cannot be black-box are skipped, with their reason', async () => {
        const ref = await startReference(kind, {
          server: { allowedOrigins: [ORIGIN], limits: { mailCooldownMs: 1000 } },
        });
        try {
          const report = await runConformance({
            url: ref.url,
            devInbox: ref.devInbox,
            migrated: ref.migrated,
            origin: ORIGIN,
            mailCooldownMs: 1000,
          });
          const summary = formatSummary(report);
          console.info(summary);
          expect(
            report.results.filter((r) => r.status === 'fail'),
            summary,
          ).toEqual([]);
          expect(report.ok).toBe(true);
          const skipped = report.results.filter((r) => r.status === 'skip');
          expect(skipped.map((r) => r.id).sort()).toEqual([...NOT_BLACK_BOX].sort());
          for (const r of skipped) expect(r.reason).toMatch(/clock|statistical test/);
          expect(report.results.map((r) => r.id)).toEqual(listChecks().map((c) => c.id));
        } finally {
          await ref.close();
        }
      });
    },
  );
}

describe('a run without mail, migrated accounts or an allowed origin', () => {
  it('skips what needs them, naming what to pass, and still passes the rest', async () => {
    const ref = await startReference('sqlite');
    try {
      const report = await runConformance({ url: ref.url });
      expect(
        report.results.filter((r) => r.status === 'fail'),
        formatSummary(report),
      ).toEqual([]);
      const reason = (id: string) => report.results.find((r) => r.id === id)?.reason ?? '';
      expect(reason('register.verification-mail')).toMatch(/--smtp-port or --dev-inbox/);
      expect(reason('session.sign-in')).toMatch(/blocked: needs register\.verify-email/);
      expect(reason('activation.mail')).toMatch(/admin set-up.*--migrated/);
      expect(reason('activation.code')).toMatch(/--migrated/);
      expect(reason('reset.superseded')).toMatch(/blocked/);
      const passed = report.results.filter((r) => r.status === 'pass').map((r) => r.id);
      expect(passed).toEqual(
        expect.arrayContaining([
          'transport.problem-details',
          'limits.reset-requests',
          'reset.accepted',
        ]),
      );
    } finally {
      await ref.close();
    }
  });
});
