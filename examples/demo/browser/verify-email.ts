/**
 * The email-verification page's script. There is no element for it: one call to core's
 * `verifyEmail` (see ../assets.ts).
 */
import { createConnectClient } from '@connect-auth/core';
import { linkPage } from './link-page.ts';

const host = document.querySelector<HTMLElement>('[data-verify-email]');
if (host) {
  void linkPage(host, {
    missing: 'This page needs the link from the confirmation email.',
    run: async (token) => {
      const client = createConnectClient({ baseUrl: window.location.origin });
      const result = await client.verifyEmail(token);
      return `${result.email} is confirmed. You can now sign in.`;
    },
    done: 'verified',
    stateOf: (code) => (code.startsWith('token_') ? code.slice('token_'.length) : 'error'),
    messages: {
      token_expired: 'This confirmation link has expired. Register again to get a new one.',
      token_used: 'This address is already confirmed. You can sign in.',
      token_superseded: 'A newer confirmation email was sent; use the link in that one.',
      token_invalid: 'This confirmation link is not valid. Copy the whole link from the email.',
    },
    next: ['used'],
  });
}
