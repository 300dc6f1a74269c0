/**
 * The hand-written baseline of the pages benchmark: the demo's reset page as someone would write
 * it without the elements. Same layout and stylesheet as the demo's pages, a plain form and one
 * small inline script that does what the element does before it is interactive: read the token
 * from the fragment (and scrub it from the address), `POST /v1/password-resets/verify` to the same
 * server, then show the form, enabled, naming the account.
 */
import { layout, type Page } from '../../examples/demo/pages.ts';

/** Where the baseline is served, on the demo's origin. */
export const BASELINE_PATH = '/baseline-reset';

const SCRIPT = `
const status = document.getElementById('status');
const form = document.getElementById('reset');
const token = new URLSearchParams(location.hash.slice(1)).get('token');
history.replaceState(history.state, '', location.pathname + location.search);
fetch('/v1/password-resets/verify', {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ token }),
})
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
  .then((info) => {
    document.getElementById('account').textContent = info.email;
    status.hidden = true;
    form.hidden = false;
    for (const field of form.elements) field.disabled = false;
  })
  .catch(() => {
    status.textContent = 'This link is not valid. Ask for a new one on the Lost Password page.';
  });
`;

/**
 * The baseline page (pass it to `startDemo({ extraPages })`).
 *
 * @example
 * ```ts
 * const demo = await startDemo({ port: 0, extraPages: [baselinePage] });
 * ```
 */
export const baselinePage: Page = {
  path: BASELINE_PATH,
  noStore: true,
  inlineScript: SCRIPT,
  render: (context) =>
    layout(
      context,
      BASELINE_PATH,
      'The link from your email',
      `<div class="card">
<p id="status" role="status">Checking your link…</p>
<form id="reset" method="post" hidden>
  <h2>Choose a password for <span id="account"></span></h2>
  <p><label for="password">New password</label><br>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" disabled></p>
  <p><label for="confirm">Confirm new password</label><br>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required disabled></p>
  <p><button type="submit" disabled>Save</button></p>
</form>
</div>
<script>${SCRIPT}</script>`,
      { step: 'Step 2 of 3' },
    ),
};
