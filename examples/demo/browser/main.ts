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
// demand; the demo's own page text stays English. The account page's elements, created later,
// get the same `lang`.
const requested = new URLSearchParams(window.location.search).get('lang');
const lang = requested && /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i.test(requested) ? requested : null;
if (lang) {
  for (const form of document.querySelectorAll(
    'connect-lost-password, connect-reset-password, connect-sign-in, connect-register',
  )) {
    form.setAttribute('lang', lang);
  }
}

/**
 * `<div data-account>`: resume the session from the refresh cookie, then offer the two account
 * elements (given the signed-in client) and "sign out on every device".
 */
async function accountPage(host: HTMLElement): Promise<void> {
  const part = (name: string) => host.querySelector<HTMLElement>(`[data-part="${name}"]`);
  const status = part('status');
  const forms = part('forms');
  const everywhere = part('everywhere');
  if (!status || !forms || !everywhere) return;
  const client = createConnectClient({ baseUrl: window.location.origin });
  try {
    const session = await client.refreshSession();
    status.textContent = `Signed in as ${session.account.email}.`;
  } catch {
    host.dataset.state = 'signed-out';
    status.textContent = 'You are not signed in.';
    part('sign-in')?.removeAttribute('hidden');
    return;
  }
  host.dataset.state = 'signed-in';
  for (const tag of ['connect-change-password', 'connect-change-email'] as const) {
    const element = document.createElement(tag);
    element.client = client;
    element.supportUrl = '/support';
    if (lang) element.setAttribute('lang', lang);
    forms.append(element);
  }
  everywhere.hidden = false;
  everywhere.querySelector('button')?.addEventListener('click', async () => {
    try {
      await client.signOutEverywhere();
      status.textContent = 'You are signed out on every device.';
    } catch {
      status.textContent = 'Could not sign out everywhere. Please try again.';
      return;
    }
    host.dataset.state = 'signed-out';
    forms.replaceChildren();
    everywhere.hidden = true;
    part('sign-in')?.removeAttribute('hidden');
  });
}

const account = document.querySelector<HTMLElement>('[data-account]');
if (account) void accountPage(account);

const CHANGE_MESSAGES: Record<string, string> = {
  token_expired: 'This link has expired. Change your email address again to get a new one.',
  token_used: 'This change is already done. Sign in with your new address.',
  token_superseded: 'A newer link was sent; use the link in that email.',
  token_invalid: 'This link is not valid. Copy the whole link from the email.',
  email_taken: 'This address belongs to another account now, so the change could not be made.',
};

/** `<div data-confirm-email>`: confirm an email change with the link's token (no session needed). */
async function confirmEmailPage(host: HTMLElement): Promise<void> {
  const status = host.querySelector<HTMLElement>('[data-part="status"]');
  const next = host.querySelector<HTMLElement>('[data-part="next"]');
  if (!status || !next) return;
  const token = readResetToken();
  if (!token) {
    host.dataset.state = 'invalid';
    status.textContent = 'This page needs the link from the email.';
    return;
  }
  try {
    const result = await createConnectClient({
      baseUrl: window.location.origin,
    }).confirmEmailChange({
      token,
    });
    host.dataset.state = 'changed';
    status.textContent = `Your account now signs in with ${result.email}.`;
    next.hidden = false;
  } catch (error) {
    const code = isConnectError(error) ? error.code : 'unknown';
    host.dataset.state = code;
    status.textContent = CHANGE_MESSAGES[code] ?? 'Something went wrong. Please try again.';
  }
}

const confirmEmail = document.querySelector<HTMLElement>('[data-confirm-email]');
if (confirmEmail) void confirmEmailPage(confirmEmail);
