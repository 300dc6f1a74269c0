/**
 * The forms `<connect-reset-password>` can turn into, registered by their own `define/*` modules
 * only when the element might show them — never on the way to the password form, the page's
 * first job: `<connect-sign-in>` once the form shows (it signs in after *Save* when there is no
 * `sign-in-url`), `<connect-lost-password>` once a link turns out dead (it asks for a new one
 * when there is no `lost-password-url`). A failed load only leaves the tag unupgraded; the steps'
 * own texts still show.
 *
 * The self-contained browser files (`dist/browser/`, one file per entry) use `forms.eager.ts`
 * instead (scripts/build-browser.ts): there a lazy import would split each file in two.
 */
export const loadSignIn = (): Promise<unknown> =>
  import('../define/sign-in.ts').catch(() => undefined);

export const loadLostPassword = (): Promise<unknown> =>
  import('../define/lost-password.ts').catch(() => undefined);

/**
 * Start a load once the browser is idle — after the step now on screen has rendered and painted,
 * so the load never competes with it. A step that needs the form awaits the load itself.
 */
export function whenIdle(load: () => Promise<unknown>): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => void load(), { timeout: 2_000 });
  } else {
    setTimeout(() => void load(), 50);
  }
}
