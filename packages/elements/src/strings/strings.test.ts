import { CLIENT_ERROR_CODES, SERVER_ERROR_CODES } from '@connect-auth/core';
import { RULE_IDS } from '@connect-auth/core/contract';
import { describe, expect, it } from 'vitest';
import accountDe from './account/de.ts';
import { enAccount } from './account/en.ts';
import accountEs from './account/es.ts';
import accountFr from './account/fr.ts';
import { useAccountStrings } from './account/index.ts';
import accountIt from './account/it.ts';
import accountNl from './account/nl.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { enUS } from './en-US.ts';
import { errorStringId, ruleStringId } from './errors.ts';
import { es } from './es.ts';
import { format } from './format.ts';
import { fr } from './fr.ts';
import { it as italian } from './it.ts';
import { nl } from './nl.ts';
import {
  isLocaleLoaded,
  loadErrorStrings,
  loadLocale,
  preferredLocale,
  registerTranslation,
  resolveStrings,
  SHIPPED_LOCALES,
} from './registry.ts';

/** Codes no element can receive: the admin API's. */
const ADMIN_ONLY: readonly string[] = ['admin_key_invalid'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const complete = { de, es, fr, it: italian, nl } as const;
/** Strings that are rightly the same as in English. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = { de: ['field.name'] };

describe('string tables', () => {
  it.each(Object.entries(complete))(
    '%s translates every English id, keeps every placeholder, and has no extra ids',
    (tag, table) => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
      for (const [id, text] of Object.entries(en)) {
        const translated = table[id as keyof typeof en];
        expect(translated.trim(), id).not.toBe('');
        expect(placeholders(translated), id).toEqual(placeholders(text));
        // A string left in English is a missed translation (names and examples excepted).
        if (text.length > 12 && !SAME_AS_ENGLISH[tag]?.includes(id)) {
          expect(translated, `${id} is still English`).not.toBe(text);
        }
      }
    },
  );

  it.each(
    Object.entries({ de: accountDe, es: accountEs, fr: accountFr, it: accountIt, nl: accountNl }),
  )('%s translates every account-element id and keeps every placeholder', (_tag, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(enAccount).sort());
    for (const [id, text] of Object.entries(enAccount)) {
      const translated = table[id as keyof typeof enAccount];
      expect(translated.trim(), id).not.toBe('');
      expect(placeholders(translated), id).toEqual(placeholders(text));
      if (text.length > 12) expect(translated, `${id} is still English`).not.toBe(text);
    }
  });

  it('the account strings are not in the forms’ tables (journey pages never carry them)', () => {
    for (const id of Object.keys(enAccount)) expect(Object.hasOwn(en, id), id).toBe(false);
  });

  it('en-US changes spelling only: known ids, the same placeholders', () => {
    for (const [id, text] of Object.entries(enUS)) {
      expect(Object.hasOwn(en, id), id).toBe(true);
      expect(placeholders(text ?? ''), id).toEqual(placeholders(en[id as keyof typeof en]));
    }
    expect(enUS['error.aborted']).toBe('The request was canceled.');
    expect(en['error.aborted']).toBe('The request was cancelled.');
  });

  it('the English words are the portal guide’s', () => {
    expect(en['lost.heading']).toBe('Lost Password');
    expect(en['lost.submit']).toBe('Reset Password');
    expect(en['reset.submit']).toBe('Save');
    expect(en['lost.code_submit']).toBe('Save');
    expect(en['reset.done_body_activation']).toContain('Sign in using your email address');
  });

  it('maps every error code this version knows to its own string, and unknown codes to a generic one', () => {
    for (const code of [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES, 'missing_client']) {
      if (ADMIN_ONLY.includes(code)) continue;
      expect(errorStringId(code), code).toBe(`error.${code}`);
      expect(
        Object.hasOwn(en, `error.${code}`) || Object.hasOwn(enAccount, `error.${code}`),
        code,
      ).toBe(true);
    }
    // Only the admin API sends it; no element holds an admin key.
    expect(errorStringId('admin_key_invalid')).toBe('error.unknown');
    expect(errorStringId('from_a_newer_server')).toBe('error.unknown');
    expect(errorStringId('rate_limited_wait')).toBe('error.unknown');
    expect(errorStringId('summary_title')).toBe('error.unknown');
  });

  it('has a string for every rule this version knows', () => {
    for (const rule of RULE_IDS) expect(ruleStringId(rule), rule).toBe(`rule.${rule}`);
    expect(ruleStringId('future_rule')).toBe('rule.unknown');
  });
});

describe('registry', () => {
  it('ships every locale it names, and loads each one on demand', async () => {
    expect([...SHIPPED_LOCALES].sort()).toEqual(
      ['de', 'en', 'en-GB', 'en-US', 'es', 'fr', 'it', 'nl'].sort(),
    );
    // English error texts are a chunk of their own too, loaded before any error is shown.
    expect(resolveStrings('en')['error.token_expired']).toBeUndefined();
    expect(resolveStrings('en')['error.network_error']).toBe(en['error.network_error']);
    await loadErrorStrings();
    expect(resolveStrings('en')['error.token_expired']).toBe('This link has expired.');
    for (const tag of SHIPPED_LOCALES) await loadLocale(tag);
    for (const tag of SHIPPED_LOCALES) expect(isLocaleLoaded(tag), tag).toBe(true);
    expect(resolveStrings('fr-CA')['lost.submit']).toBe(fr['lost.submit']);
    expect(resolveStrings('es')['lost.submit']).toBe(es['lost.submit']);
    expect(resolveStrings('it')['lost.submit']).toBe(italian['lost.submit']);
    expect(resolveStrings('nl-BE')['lost.submit']).toBe(nl['lost.submit']);
    expect(resolveStrings('en-US')['error.aborted']).toBe('The request was canceled.');
    expect(resolveStrings('en-GB')['error.aborted']).toBe('The request was cancelled.');
  });

  it('loads the account elements’ strings only once they ask, in every shipped language', async () => {
    expect(resolveStrings('en')['changepw.heading']).toBeUndefined();
    useAccountStrings();
    expect(resolveStrings('en')['changepw.heading']).toBe(enAccount['changepw.heading']);
    expect(isLocaleLoaded('fr')).toBe(false);
    await loadLocale('fr-CA');
    expect(resolveStrings('fr-CA')['changepw.heading']).toBe(accountFr['changepw.heading']);
    expect(resolveStrings('fr-CA')['lost.submit']).toBe(fr['lost.submit']);
    expect(isLocaleLoaded('fr')).toBe(true);
  });

  it('picks the first of the browser languages it can show', () => {
    expect(preferredLocale(['pt-BR', 'fr-CA', 'en'])).toBe('fr-CA');
    expect(preferredLocale(['ja', 'zh'])).toBe('en');
    expect(preferredLocale([])).toBe('en');
    registerTranslation('pt-BR', { 'signin.submit': 'Entrar' });
    expect(preferredLocale(['pt-BR', 'fr'])).toBe('pt-BR');
  });

  it('lets a registered table override a shipped one', async () => {
    await loadLocale('de');
    registerTranslation('de', { 'signin.heading': 'Bei Codelocks Connect anmelden' });
    expect(resolveStrings('de')['signin.heading']).toBe('Bei Codelocks Connect anmelden');
    expect(resolveStrings('de')['signin.submit']).toBe(de['signin.submit']);
  });

  it('falls back from region to language to English, with instance overrides on top', async () => {
    await loadLocale('de-AT');
    expect(resolveStrings('de-AT')['signin.submit']).toBe(de['signin.submit']);
    expect(resolveStrings('DE_ch')['signin.submit']).toBe(de['signin.submit']);
    expect(resolveStrings('xx')['signin.submit']).toBe(en['signin.submit']);
    expect(resolveStrings(null)['signin.submit']).toBe(en['signin.submit']);
    expect(resolveStrings('de', { 'signin.submit': 'Los' })['signin.submit']).toBe('Los');
  });

  it('merges registered tables per locale and leaves other locales alone', () => {
    registerTranslation('sv', { 'signin.submit': 'Logga in' });
    registerTranslation('sv', { 'signin.heading': 'Logga in på Connect' });
    const sv = resolveStrings('sv');
    expect(sv['signin.submit']).toBe('Logga in');
    expect(sv['signin.heading']).toBe('Logga in på Connect');
    expect(sv['field.email']).toBe(en['field.email']);
    expect(resolveStrings('en')['signin.submit']).toBe(en['signin.submit']);
  });

  it('rejects an empty locale', () => {
    expect(() => registerTranslation(' ', {})).toThrow(TypeError);
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Wait {seconds} s, {who}', { seconds: 5 })).toBe('Wait 5 s, {who}');
  });
});
