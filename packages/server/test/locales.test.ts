/**
 * Languages over real HTTP, on each adapter: problem titles and details follow Accept-Language;
 * registration stores the client's locale; a French account imported from CSV gets its
 * activation mail in French, and that mail's link and code both work.
 */
import { describe, expect, it } from 'vitest';
import { importLegacyAccounts } from '../src/cli/import-legacy.ts';
import { renderMail } from '../src/mail/templates.ts';
import { factories, rejection, STRONG, seedAccount, startServer } from './helpers.ts';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`languages [${factory.name}]`, () => {
    it('problem title and detail follow Accept-Language; code, type and status do not', async () => {
      const t = await startServer(factory);
      try {
        const bodies: Record<string, { title: string; detail: string; code: string }> = {};
        for (const accept of ['', 'fr-CH, fr;q=0.9', 'de', 'ja, es;q=0.5', 'it', 'nl-BE']) {
          const response = await t.post(
            '/v1/password-resets/verify',
            { token: 'A'.repeat(43) },
            accept ? { 'accept-language': accept } : {},
          );
          expect(response.status).toBe(400);
          expect(response.headers.get('content-type')).toContain('application/problem+json');
          expect(response.headers.get('vary')).toContain('Accept-Language');
          bodies[response.headers.get('content-language') ?? ''] = await response.json();
        }
        expect(Object.keys(bodies).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl']);
        expect(bodies.en).toMatchObject({
          code: 'token_invalid',
          title: 'This link is not valid',
          detail: 'Open the link from the email again, or ask for a new email.',
        });
        expect(bodies.fr).toMatchObject({
          code: 'token_invalid',
          title: 'Ce lien n’est pas valide',
        });
        expect(bodies.de?.title).toBe('Dieser Link ist ungültig');
        expect(new Set(Object.values(bodies).map((b) => b.title)).size).toBe(6);
        expect(new Set(Object.values(bodies).map((b) => b.detail)).size).toBe(6);

        // Problems raised outside the services (routing) are localized too.
        const missing = await fetch(new URL('/v1/nope', t.url), {
          headers: { 'accept-language': 'es' },
        });
        expect(missing.status).toBe(404);
        expect(await missing.json()).toMatchObject({ code: 'not_found', title: 'No encontrado' });
      } finally {
        await t.close();
      }
    });

    it('registration stores the locale the client sends, else the Accept-Language; the mail follows it', async () => {
      const t = await startServer(factory);
      try {
        const client = t.client();
        await client.register({ email: 'elodie@example.fr', password: STRONG, locale: 'fr-FR' });
        await t.post(
          '/v1/accounts',
          { email: 'jan@example.nl', password: STRONG },
          { 'accept-language': 'nl-NL, en;q=0.5' },
        );
        await client.register({ email: 'plain@example.com', password: STRONG });
        await t.server.settled();
        expect((await t.store.findAccountByEmailKey('elodie@example.fr'))?.locale).toBe('fr-FR');
        expect((await t.store.findAccountByEmailKey('jan@example.nl'))?.locale).toBe('nl');
        expect((await t.store.findAccountByEmailKey('plain@example.com'))?.locale).toBeNull();
        const french = await t.lastMail('elodie@example.fr', 'verify_email');
        expect(french?.data.locale).toBe('fr-FR');
        const rendered = renderMail('verify_email', french?.data, {
          productName: 'Codelocks Connect',
          supportUrl: 'https://help.example/',
        });
        expect(rendered.subject).toBe('Confirmez votre adresse e-mail pour Codelocks Connect');

        // Not a language tag: a validation problem on the locale field, nothing stored.
        const bad = await rejection(
          client.register({ email: 'bad@example.com', password: STRONG, locale: 'fr FR!' }),
        );
        expect(bad.code).toBe('validation_failed');
        expect(bad.issues).toEqual([{ path: ['locale'], code: 'invalid_format' }]);
      } finally {
        await t.close();
      }
    });

    it('a French account from the CSV gets its activation mail in French; its link and code work', async () => {
      const t = await startServer(factory);
      try {
        const csv =
          'email,name,locale\r\nelodie.martin@example.fr,Élodie Martin,fr\r\nklaus@example.de,Klaus,fr\r\n';
        expect(await importLegacyAccounts(t.store, csv, new Date())).toMatchObject({
          imported: 2,
          problems: [],
        });
        const client = t.client();
        await client.requestPasswordReset({ email: 'elodie.martin@example.fr' });
        await t.server.settled();
        const delivered = t.transport.sent.find((m) => m.to === 'elodie.martin@example.fr');
        expect(delivered?.subject).toBe(
          'Demande de réinitialisation du mot de passe pour Codelocks Connect',
        );
        expect(delivered?.text).toContain('Activez votre compte Codelocks Connect');
        expect(delivered?.html).toContain('<html lang="fr">');
        const mail = await t.lastMail('elodie.martin@example.fr', 'account_activation');
        const link = mail?.link ?? '';
        const code = mail?.code ?? '';
        expect(delivered?.text).toContain(link);
        expect(delivered?.text).toContain(`    ${code}\n`);

        // The link works (verifying does not consume it), and so does the code.
        expect(await client.verifyResetToken(mail?.token ?? '')).toMatchObject({
          email: 'elodie.martin@example.fr',
          purpose: 'activation',
        });
        expect(
          await client.completePasswordReset({
            email: 'elodie.martin@example.fr',
            code,
            password: STRONG,
          }),
        ).toMatchObject({ status: 'password_changed', activated: true });
        await t.server.settled();
        const notice = t.transport.sent.find(
          (m) => m.to === 'elodie.martin@example.fr' && m !== delivered,
        );
        expect(notice?.subject).toBe('Votre compte Codelocks Connect est actif');

        // Changing the account's locale changes the language of its next mail.
        const klaus = await t.store.findAccountByEmailKey('klaus@example.de');
        expect(klaus?.locale).toBe('fr');
        await t.store.setAccountLocale(klaus?.id ?? '', 'de', new Date());
        await client.requestPasswordReset({ email: 'klaus@example.de' });
        await t.server.settled();
        expect(t.transport.sent.find((m) => m.to === 'klaus@example.de')?.subject).toBe(
          'Anfrage zum Zurücksetzen des Passworts für Codelocks Connect',
        );
      } finally {
        await t.close();
      }
    });

    it('self-service mails follow the account’s language; the admin API’s problem is localized', async () => {
      const t = await startServer(factory, { appUrl: 'https://app.example' });
      try {
        const hans = await seedAccount(t, 'hans@example.de', 'active');
        await t.store.setAccountLocale(hans.id, 'de', new Date());
        const client = t.client();
        await client.signIn({ email: 'hans@example.de', password: STRONG });
        await client.requestEmailChange({ newEmail: 'hans.neu@example.de', password: STRONG });
        await t.server.settled();
        const confirm = t.transport.sent.find((m) => m.to === 'hans.neu@example.de');
        expect(confirm?.subject).toBe(
          'Bestätigen Sie Ihre neue E-Mail-Adresse für Codelocks Connect',
        );
        const link = await t.lastMail('hans.neu@example.de', 'email_change');
        expect(confirm?.text).toContain(link?.link ?? '(no link)');
        await t.client().confirmEmailChange({ token: link?.token ?? '' });
        await t.server.settled();
        const notice = t.transport.sent.find((m) => m.to === 'hans@example.de');
        expect(notice?.subject).toBe(
          'Die E-Mail-Adresse Ihres Codelocks Connect-Kontos wurde geändert',
        );
        expect(notice?.text).toContain('hans.neu@example.de');

        const admin = await fetch(new URL('/v1/admin/stats', t.url), {
          headers: { 'accept-language': 'fr' },
        });
        expect(admin.status).toBe(401);
        expect(await admin.json()).toMatchObject({
          code: 'admin_key_invalid',
          title: 'Une clé d’API d’administration valide est requise',
        });
      } finally {
        await t.close();
      }
    });
  });
}
