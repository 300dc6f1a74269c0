/**
 * `?lang=fr` (or de, es, it, nl, en-US…): the forms speak that language, their strings loaded on
 * demand; the demo's own page text stays English. Imported by every page script that shows a
 * form; the account page gives the elements it creates later the same `lang`.
 */
const requested = new URLSearchParams(window.location.search).get('lang');

/** The requested language, if it looks like a language tag. */
export const lang: string | null =
  requested && /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i.test(requested) ? requested : null;

if (lang) {
  for (const form of document.querySelectorAll(
    'connect-lost-password, connect-reset-password, connect-sign-in, connect-register',
  )) {
    form.setAttribute('lang', lang);
  }
}
