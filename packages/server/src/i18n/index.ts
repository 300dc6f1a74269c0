/**
 * The server's languages: every mail and every problem title and detail, in English (British
 * spelling, with American spelling under `en-US`), German, French, Spanish, Italian and Dutch.
 * An account's stored locale picks its mails' language; `Accept-Language` picks the problems'.
 */
import { de } from './de.ts';
import { en, type WordId, type Words } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';

export type { WordId, Words } from './en.ts';

/**
 * The languages the server writes, by the tag it answers with (`Content-Language`).
 */
export const SERVER_LANGUAGES: Readonly<Record<string, Words>> = {
  en,
  // American spelling; everything else is the British table.
  'en-US': { ...en, 'already.reset_lead': en['already.reset_lead'].replace('Forgotten', 'Forgot') },
  de,
  es,
  fr,
  it,
  nl,
};

const BY_KEY = new Map(Object.keys(SERVER_LANGUAGES).map((tag) => [tag.toLowerCase(), tag]));

/**
 * The server language for a language tag: the exact tag (`en-US`), else its base language
 * (`fr-CA` → `fr`), else null.
 */
export function matchLanguage(tag: string | null | undefined): string | null {
  const key = (tag ?? '').trim().toLowerCase().replaceAll('_', '-');
  if (!key) return null;
  return BY_KEY.get(key) ?? BY_KEY.get(key.split('-')[0] ?? '') ?? null;
}

/**
 * The best server language for an `Accept-Language` header (RFC 9110 §12.5.4: quality values,
 * `*`, ranges matched by prefix); English when none fits or the header is absent or malformed.
 */
export function negotiateLanguage(header: string | null | undefined): string {
  return acceptedLanguage(header) ?? 'en';
}

/**
 * The server language an `Accept-Language` header asks for, or null when it names none the
 * server has (`*`, which Node's `fetch` sends by default, names none).
 */
export function acceptedLanguage(header: string | null | undefined): string | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params
        .map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1])
        .find(Boolean);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.range !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    if (range === '*') return null;
    const match = matchLanguage(range);
    if (match) return match;
  }
  return null;
}

/**
 * The words of a language (English for null or an unknown tag).
 */
export function wordsFor(language: string | null | undefined): Words {
  return SERVER_LANGUAGES[matchLanguage(language) ?? 'en'] ?? en;
}

/**
 * Fill `{name}` placeholders.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/**
 * One word of a language, with its placeholders filled.
 */
export function say(
  language: string | null | undefined,
  id: WordId,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(wordsFor(language)[id], params);
}
