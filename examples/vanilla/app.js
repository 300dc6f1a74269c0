// @ts-check
// What the page does besides the elements: show who is signed in. Type-checked with
// `npm run typecheck` (checkJs, strict) against the package's own declarations.

/** @type {HTMLElement | null} */
const status = document.querySelector('#session');
document.addEventListener('connect-signed-in', (event) => {
  if (status) status.textContent = `Signed in as ${event.session.account.email}`;
});
document.addEventListener('connect-password-reset', (event) => {
  if (status)
    status.textContent = event.activated
      ? `Activated ${event.email}`
      : `New password saved for ${event.email}`;
});
