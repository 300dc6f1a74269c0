/**
 * The demo pages' one script: registers every Connect element, and runs the email-verification
 * page (there is no element for it: one call to core's `verifyEmail`). Bundled by esbuild at
 * start (see ../assets.ts).
 */
import '@connect-auth/elements/all';
import { createConnectClient, isConnectError, readResetToken } from '@connect-auth/core';

const MESSAGES: Record<string, string> = {
  token_expired: 'This confirmation link has expired. Register again to get a new one.',
  token_used: 'This address is already confirmed. You can sign in.',
  token_superseded: 'A newer confirmation email was sent; use the link in that one.',
  token_invalid: 'This confirmation link is not valid. Copy the whole link from the email.',
};

/** `<div data-verify-email>`: read the token (scrubbing it from the address), verify, report. */
async function verifyEmailPage(host: HTMLElement): Promise<void> {
  const status = host.querySelector<HTMLElement>('[data-part="status"]');
  const next = host.querySelector<HTMLElement>('[data-part="next"]');
  if (!status || !next) return;
  const show = (state: string, message: string) => {
    host.dataset.state = state;
    status.textContent = message;
    next.hidden = state !== 'verified' && state !== 'used';
  };
  const token = readResetToken();
  if (!token) {
    show('invalid', 'This page needs the link from the confirmation email.');
    return;
  }
  const client = createConnectClient({ baseUrl: window.location.origin });
  try {
    const result = await client.verifyEmail(token);
    show('verified', `${result.email} is confirmed. You can now sign in.`);
  } catch (error) {
    const code = isConnectError(error) ? error.code : 'unknown';
    const state = code.startsWith('token_') ? code.slice('token_'.length) : 'error';
    show(state, MESSAGES[code] ?? 'Something went wrong. Please try again.');
  }
}

const verify = document.querySelector<HTMLElement>('[data-verify-email]');
if (verify) void verifyEmailPage(verify);

// `?lang=fr` (or de, es, it, nl, en-US…): the forms speak that language, their strings loaded on
// demand; the demo's own page text stays English.
const lang = new URLSearchParams(window.location.search).get('lang');
if (lang && /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i.test(lang)) {
  for (const form of document.querySelectorAll(
    'connect-lost-password, connect-reset-password, connect-sign-in, connect-register',
  )) {
    form.setAttribute('lang', lang);
  }
}
