/** The email-change confirmation page's script: one call to core's `confirmEmailChange` (no session needed). */
import { createConnectClient } from '@connect-auth/core';
import { linkPage } from './link-page.ts';

const host = document.querySelector<HTMLElement>('[data-confirm-email]');
if (host) {
  void linkPage(host, {
    missing: 'This page needs the link from the email.',
    run: async (token) => {
      const client = createConnectClient({ baseUrl: window.location.origin });
      const result = await client.confirmEmailChange({ token });
      return `Your account now signs in with ${result.email}.`;
    },
    done: 'changed',
    stateOf: (code) => code,
    messages: {
      token_expired: 'This link has expired. Change your email address again to get a new one.',
      token_used: 'This change is already done. Sign in with your new address.',
      token_superseded: 'A newer link was sent; use the link in that email.',
      token_invalid: 'This link is not valid. Copy the whole link from the email.',
      email_taken: 'This address belongs to another account now, so the change could not be made.',
    },
  });
}
