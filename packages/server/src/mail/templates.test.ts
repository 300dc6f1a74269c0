import { describe, expect, it } from 'vitest';
import { createSealer } from '../crypto/seal.ts';
import { SERVER_LANGUAGES } from '../i18n/index.ts';
import { formatDuration, formatUtc, validity } from './format.ts';
import { MAIL_TEMPLATES, type MailPayloads, type MailTemplate } from './payloads.ts';
import { composeMail, MailRenderError, renderMail } from './templates.ts';

const options = { productName: 'Codelocks Connect', supportUrl: 'https://help.example/contact' };
const requestedAt = new Date('2026-11-28T08:31:00Z');
const LINK = 'https://app.example/reset#token=AbCdEfGhIjKlMnOpQrStUvWxYz012345678901234';
const CODE = '04958123';

const samples: { [T in MailTemplate]: MailPayloads[T] } = {
  password_reset: { link: LINK, code: CODE, expiresAt: '2026-11-28T09:31:00Z' },
  account_activation: { link: LINK, code: CODE, expiresAt: '2026-11-29T08:31:00Z' },
  password_changed: { activated: false, at: '2026-11-28T08:40:00Z' },
  verify_email: { link: LINK, expiresAt: '2026-11-29T08:31:00Z' },
  already_registered: {
    signInUrl: 'https://app.example/sign-in',
    resetUrl: 'https://app.example/lost-password',
  },
  invitation: { link: LINK, code: CODE, expiresAt: '2026-11-29T08:31:00Z' },
  email_change: { link: LINK, expiresAt: '2026-11-29T08:31:00Z' },
  email_changed: { newEmail: 'new@example.com', at: '2026-11-28T08:40:00Z', bySupport: true },
};

describe('renderMail', () => {
  it.each(MAIL_TEMPLATES)('%s renders a subject, text and HTML with the support pointer', (t) => {
    const mail = renderMail(t, samples[t], { ...options, requestedAt });
    expect(mail.subject).toContain('Codelocks Connect');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('Contact Customer Services: https://help.example/contact');
    expect(mail.html).toContain('<a href="https://help.example/contact"');
    expect(mail.html).toMatch(/^<!doctype html>/);
    // No external resources or tracking: the only URLs are the ones we printed.
    expect(mail.html).not.toMatch(/<img|<script|<link|<style|src=/i);
  });

  it.each(['password_reset', 'account_activation'] as const)(
    '%s carries the link, the code, the expiry in words and what to do if unasked',
    (t) => {
      const mail = renderMail(t, samples[t], { ...options, requestedAt });
      expect(mail.subject).toBe('Password Reset Request for Codelocks Connect');
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain(LINK);
        expect(part).toContain(CODE);
        expect(part).toContain('Did not ask for this?');
      }
      expect(mail.html).toContain(`<a href="${LINK}"`);
      expect(mail.text).toContain(`\n    ${CODE}\n`);
      const words = t === 'password_reset' ? 'for 60 minutes' : 'for 24 hours';
      expect(mail.text).toContain(`valid ${words}, until`);
      expect(mail.html).toContain(`valid ${words}, until`);
    },
  );

  it('says only "until" when the request time is unknown', () => {
    const mail = renderMail('password_reset', samples.password_reset, options);
    expect(mail.text).toContain('valid until 09:31 UTC on Saturday 28 November 2026');
  });

  it('the activation mail explains why and the Customer Services limits', () => {
    const { text } = renderMail('account_activation', samples.account_activation, options);
    expect(text).toContain('Activate your Codelocks Connect account');
    expect(text).toContain('cannot move locks between accounts');
  });

  it('password_changed names the change or the activation, and what to do if it was not you', () => {
    const changed = renderMail('password_changed', samples.password_changed, options);
    expect(changed.subject).toBe('Your Codelocks Connect password was changed');
    expect(changed.text).toContain('08:40 UTC on Saturday 28 November 2026');
    expect(changed.text).toContain('If this was not you');
    // The page that changed the password stays signed in (self-service answers a new session;
    // a reset page was not signed in): only the *other* devices were signed out.
    expect(changed.text).toContain('Every other device that was signed in has been signed out');
    const active = renderMail(
      'password_changed',
      { activated: true, at: samples.password_changed.at },
      options,
    );
    expect(active.subject).toBe('Your Codelocks Connect account is active');
    expect(active.html).toContain('If this was not you');
  });

  it('already_registered and verify_email carry their links', () => {
    const ar = renderMail('already_registered', samples.already_registered, options);
    expect(ar.subject).toBe('You already have a Codelocks Connect account');
    expect(ar.text).toContain('https://app.example/sign-in');
    expect(ar.html).toContain('href="https://app.example/lost-password"');
    const ve = renderMail('verify_email', samples.verify_email, options);
    expect(ve.subject).toBe('Confirm your email address for Codelocks Connect');
    expect(ve.html).toContain(`href="${LINK}"`);
  });

  it('escapes hostile values in every HTML interpolation', () => {
    const hostile = {
      productName: '<script>alert(1)</script> & "Co"\r\nBcc: victim@example.com',
      supportUrl: 'https://help.example/"><script>x</script>',
    };
    const link = 'https://app.example/reset?a=1&b=2#token="><script>alert(2)</script>';
    for (const t of MAIL_TEMPLATES) {
      const data =
        t === 'already_registered'
          ? { signInUrl: link, resetUrl: link }
          : t === 'password_changed'
            ? samples[t]
            : t === 'email_changed'
              ? { ...samples[t], newEmail: '"><script>alert(3)</script>@example.com' }
              : { ...samples[t], link };
      const mail = renderMail(t, data, hostile);
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toMatch(/href="[^"]*"[^ >]/);
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      if (t !== 'password_changed' && t !== 'email_changed') {
        expect(mail.html).toContain('?a=1&amp;b=2');
      }
    }
  });

  it('rejects payloads that do not fit the template, as a permanent render error', () => {
    const bad: Array<[string, unknown]> = [
      ['nope', {}],
      ['password_reset', null],
      ['password_reset', { ...samples.password_reset, link: 'javascript:alert(1)' }],
      ['password_reset', { ...samples.password_reset, code: '1234' }],
      ['password_reset', { ...samples.password_reset, expiresAt: 'soon' }],
      ['account_activation', { link: LINK }],
      ['password_changed', { activated: 'yes', at: samples.password_changed.at }],
      ['verify_email', { link: 'ftp://x', expiresAt: samples.verify_email.expiresAt }],
      ['already_registered', { signInUrl: LINK }],
    ];
    for (const [t, data] of bad) {
      expect(() => renderMail(t as MailTemplate, data, options), t).toThrow(MailRenderError);
    }
  });
});

describe('composeMail', () => {
  const sealer = createSealer('compose-test-secret-0123456789');

  it('seals the payload: no link or code in the row', () => {
    const createdAt = new Date('2026-11-28T08:31:00Z');
    const row = composeMail(sealer, {
      id: 'm1',
      to: 'ann@example.com',
      template: 'password_reset',
      data: samples.password_reset,
      createdAt,
    });
    expect(row).toMatchObject({
      id: 'm1',
      to: 'ann@example.com',
      template: 'password_reset',
      createdAt,
    });
    expect(row.payload).not.toContain(CODE);
    expect(row.payload).not.toContain('token');
    expect(sealer.unseal(row.payload)).toEqual(samples.password_reset);
  });

  it('refuses a payload that does not fit (programming error)', () => {
    expect(() =>
      composeMail(sealer, {
        id: 'm2',
        to: 'ann@example.com',
        template: 'password_reset',
        data: { ...samples.password_reset, code: 'abc' },
        createdAt: new Date(),
      }),
    ).toThrow(TypeError);
  });
});

describe('format helpers', () => {
  it('words durations and dates', () => {
    expect(formatDuration(60 * 60_000)).toBe('60 minutes');
    expect(formatDuration(90 * 60_000)).toBe('90 minutes');
    expect(formatDuration(24 * 3_600_000)).toBe('24 hours');
    expect(formatDuration(30_000)).toBe('1 minute');
    expect(formatUtc(new Date('2026-01-01T00:05:00Z'))).toBe(
      '00:05 UTC on Thursday 1 January 2026',
    );
    expect(validity(new Date(0), new Date(1000))).toEqual({ until: formatUtc(new Date(0)) });
    expect(formatUtc(new Date('2026-11-28T08:31:00Z'), 'fr')).toBe(
      'samedi 28 novembre 2026 à 08:31 UTC',
    );
    expect(formatUtc(new Date('2026-11-28T08:31:00Z'), 'de')).toBe(
      'Samstag, 28. November 2026, 08:31 Uhr UTC',
    );
    expect(formatDuration(24 * 3_600_000, 'nl')).toBe('24 uur');
    expect(formatDuration(60_000, 'es')).toBe('1 minuto');
  });
});

describe('renderMail in every language', () => {
  const LANGUAGES = Object.keys(SERVER_LANGUAGES);
  const blockKinds = (text: string) =>
    text
      .split('\n\n')
      .map((part) => (part === `    ${CODE}` ? 'code' : part.includes(LINK) ? 'link' : 'p'));

  it.each(LANGUAGES)(
    '%s: every template renders with the same blocks, link, code and expiry time',
    (tag) => {
      for (const t of MAIL_TEMPLATES) {
        const english = renderMail(t, samples[t], { ...options, requestedAt });
        const mail = renderMail(t, samples[t], { ...options, requestedAt, locale: tag });
        expect(mail.language).toBe(tag);
        expect(mail.html).toContain(`<html lang="${tag}">`);
        expect(mail.subject).toContain('Codelocks Connect');
        expect(mail.text).toContain('https://help.example/contact');
        // The same structure as the English mail: the link, the code and the validity paragraph
        // in the same places, with the same link, code, expiry time and duration.
        expect(blockKinds(mail.text), t).toEqual(blockKinds(english.text));
        if ('link' in samples[t]) {
          expect(mail.text).toContain(LINK);
          expect(mail.html).toContain(`href="${LINK}"`);
        }
        if (t === 'password_reset' || t === 'account_activation') {
          expect(mail.text).toContain(`\n    ${CODE}\n`);
          const validityBlock =
            mail.text.split('\n\n')[
              english.text
                .split('\n\n')
                .indexOf(
                  english.text
                    .split('\n\n')
                    .find((p) => p.startsWith('The link and the code are valid')) ?? '',
                )
            ];
          const time = t === 'password_reset' ? '09:31' : '08:31';
          expect(validityBlock).toContain(`${time}`);
          expect(validityBlock).toContain('UTC');
          expect(validityBlock).toMatch(t === 'password_reset' ? /\b60\b/ : /\b24\b/);
        }
        if (!tag.startsWith('en')) expect(mail.subject, t).not.toBe(english.subject);
      }
    },
  );

  it('a French reset mail is in French, from the locale sealed with the payload', () => {
    const sealer = createSealer('locale-test-secret-0123456789abcdef');
    const row = composeMail(sealer, {
      id: 'm1',
      to: 'elodie@example.fr',
      template: 'password_reset',
      data: samples.password_reset,
      createdAt: requestedAt,
      locale: 'fr-FR',
    });
    const data = sealer.unseal(row.payload ?? '');
    const mail = renderMail('password_reset', data, { ...options, requestedAt });
    expect(mail.language).toBe('fr');
    expect(mail.subject).toBe('Demande de réinitialisation du mot de passe pour Codelocks Connect');
    expect(mail.text).toContain(
      'valables 60 minutes, jusqu’au samedi 28 novembre 2026 à 09:31 UTC',
    );
    expect(mail.html).toContain('Ou ouvrez cette adresse');
    // An unknown language falls back to English; a hostile one is refused at compose time.
    expect(
      renderMail('password_reset', { ...samples.password_reset, locale: 'ja' }, options).language,
    ).toBe('en');
    expect(() =>
      composeMail(sealer, {
        id: 'm2',
        to: 'x@example.com',
        template: 'password_reset',
        data: samples.password_reset,
        createdAt: requestedAt,
        locale: 'x'.repeat(100),
      }),
    ).toThrow(TypeError);
  });
});
