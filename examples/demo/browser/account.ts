/**
 * The account page's script: `<connect-change-password>` and `<connect-change-email>`, created
 * once the session resumes (see ../assets.ts).
 */
import '@connect-auth/elements/define/change-password';
import '@connect-auth/elements/define/change-email';
import { createConnectClient } from '@connect-auth/core';
import { lang } from './lang.ts';

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
