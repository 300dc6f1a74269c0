// @ts-check
// What the page does besides the elements: say who is signed in. Type-checked with
// `npm run typecheck` (checkJs, strict) against the package's own declarations.

/** @type {HTMLElement | null} */
const sessionLine = document.querySelector('#session');
document.addEventListener('connect-signed-in', (event) => {
  if (sessionLine) sessionLine.textContent = `Signed in as ${event.session.account.email}`;
});
document.addEventListener('connect-password-reset', (event) => {
  if (sessionLine)
    sessionLine.textContent = event.activated
      ? `Activated ${event.email}`
      : `New password saved for ${event.email}`;
});
