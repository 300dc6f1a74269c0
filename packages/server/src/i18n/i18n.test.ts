import { SERVER_ERROR_CODES } from '@connect-auth/core/contract';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import {
  acceptedLanguage,
  fill,
  matchLanguage,
  negotiateLanguage,
  SERVER_LANGUAGES,
  wordsFor,
} from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server words', () => {
  it('ships English (and US spelling), German, Spanish, French, Italian and Dutch', () => {
    expect(Object.keys(SERVER_LANGUAGES).sort()).toEqual(
      ['de', 'en', 'en-US', 'es', 'fr', 'it', 'nl'].sort(),
    );
  });

  it.each(Object.entries(SERVER_LANGUAGES))(
    '%s has every id with the same placeholders, and no extra ids',
    (tag, words) => {
      expect(Object.keys(words).sort()).toEqual(Object.keys(en).sort());
      for (const [id, text] of Object.entries(en)) {
        const translated = words[id as keyof typeof en];
        expect(translated.trim(), id).not.toBe('');
        expect(placeholders(translated), `${tag} ${id}`).toEqual(placeholders(text));
      }
      expect(words['date.weekdays'].split(',')).toHaveLength(7);
      expect(words['date.months'].split(',')).toHaveLength(12);
    },
  );

  it.each(Object.entries(SERVER_LANGUAGES).filter(([tag]) => !tag.startsWith('en')))(
    '%s translates the mails and problems (nothing left in English)',
    (_, words) => {
      for (const id of Object.keys(en) as Array<keyof typeof en>) {
        if (id.startsWith('date.') || id.startsWith('duration.')) continue;
        if (en[id].length > 12) expect(words[id], id).not.toBe(en[id]);
      }
    },
  );

  it('has a problem title and detail for every error code', () => {
    for (const code of SERVER_ERROR_CODES) {
      for (const part of ['title', 'detail']) {
        expect(Object.hasOwn(en, `problem.${code}.${part}`), `${code} ${part}`).toBe(true);
      }
    }
  });

  it('the reset mail subject is the portal guide’s', () => {
    expect(fill(en['reset.subject'], { product: 'Codelocks Connect' })).toBe(
      'Password Reset Request for Codelocks Connect',
    );
    expect(wordsFor('en-US')['already.reset_lead']).toMatch(/^Forgot your password/);
    expect(wordsFor('en-GB')['already.reset_lead']).toMatch(/^Forgotten your password/);
  });
});

describe('language choice', () => {
  it('matches a tag exactly, then by its base language', () => {
    expect(matchLanguage('fr')).toBe('fr');
    expect(matchLanguage('FR-ca')).toBe('fr');
    expect(matchLanguage('en-US')).toBe('en-US');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('nl_BE')).toBe('nl');
    expect(matchLanguage('ja')).toBeNull();
    expect(matchLanguage('')).toBeNull();
    expect(matchLanguage(null)).toBeNull();
  });

  it('negotiates Accept-Language by quality, then order; English when nothing fits', () => {
    expect(negotiateLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toBe('fr');
    expect(negotiateLanguage('ja, de;q=0.5, it;q=0.9')).toBe('it');
    expect(negotiateLanguage('de;q=0, nl')).toBe('nl');
    expect(negotiateLanguage('en-US,en;q=0.9')).toBe('en-US');
    expect(negotiateLanguage('ja, zh')).toBe('en');
    expect(negotiateLanguage('*')).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage(null)).toBe('en');
    expect(negotiateLanguage(';;;,,,q=;es')).toBe('en');
    expect(negotiateLanguage(`${'x,'.repeat(5000)}es`)).toBe('en'); // long headers are cut
    expect(acceptedLanguage('*')).toBeNull(); // Node's fetch default: no language asked for
    expect(acceptedLanguage('ja')).toBeNull();
    expect(acceptedLanguage('nl-BE, en;q=0.5')).toBe('nl');
  });
});
