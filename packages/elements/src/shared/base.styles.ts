/**
 * Styles shared by every Connect element, inside `@layer connect-auth` so that any unlayered page
 * rule wins. Everything themable goes through `--connect-*` custom properties (see
 * docs/elements.md); hooks are plain classes (`connect-field`, `connect-button`, …) and
 * `data-state` / `data-step` attributes.
 *
 * The list below is the one source of the custom properties' descriptions and defaults:
 * `scripts/build-manifest.ts` puts it in `custom-elements.json` (and from there in the editor
 * data), and fails the build when a `var(--connect-*)` of a stylesheet is missing from it.
 *
 * @cssproperty [--connect-font=inherit] - Font family.
 * @cssproperty [--connect-color-text=inherit] - Text colour (`#0b0c0c` on secondary buttons).
 * @cssproperty [--connect-color-muted=#505a5f] - Hints and secondary text.
 * @cssproperty [--connect-color-accent=#00703c] - Primary button background.
 * @cssproperty [--connect-color-accent-text=#fff] - Primary button text.
 * @cssproperty [--connect-color-secondary=#f3f2f1] - Secondary buttons and the show/hide toggle.
 * @cssproperty [--connect-color-link=#1d70b8] - Links and link-buttons.
 * @cssproperty [--connect-color-error=#d4351c] - Errors, invalid borders and failed rules.
 * @cssproperty [--connect-color-success=#00703c] - Met rules and the success notice accent.
 * @cssproperty [--connect-color-border=#0b0c0c] - Input borders.
 * @cssproperty [--connect-color-surface=#fff] - Input background.
 * @cssproperty [--connect-color-notice-surface=transparent] - Background of notices.
 * @cssproperty [--connect-border-width=2px] - Input and error-summary borders.
 * @cssproperty [--connect-radius=0.25rem] - Corners.
 * @cssproperty [--connect-space=1rem] - Gaps and padding.
 * @cssproperty [--connect-input-height=2.75rem] - Height of inputs and buttons (touch target).
 * @cssproperty [--connect-heading-size=1.5rem] - Size of step headings.
 * @cssproperty [--connect-focus-ring=3px solid #1d70b8] - Focus outline.
 * @cssproperty [--connect-max-width=28rem] - Maximum width of a form.
 */
export const baseStyles = `
@layer connect-auth {
  :where(connect-lost-password, connect-reset-password, connect-sign-in, connect-register, connect-password-input) {
    display: block;
    font-family: var(--connect-font, inherit);
    color: var(--connect-color-text, inherit);
    line-height: 1.5;
  }
  :where(connect-lost-password, connect-reset-password, connect-sign-in, connect-register) {
    max-width: var(--connect-max-width, 28rem);
  }
  .connect-step { display: grid; gap: var(--connect-space, 1rem); }
  .connect-heading { margin: 0; font-size: var(--connect-heading-size, 1.5rem); line-height: 1.25; }
  .connect-heading:focus { outline: none; }
  .connect-heading:focus-visible { outline: var(--connect-focus-ring, 3px solid #1d70b8); outline-offset: 2px; }
  .connect-text { margin: 0; }
  .connect-muted { margin: 0; color: var(--connect-color-muted, #505a5f); }
  .connect-form { display: grid; gap: var(--connect-space, 1rem); }
  .connect-field { display: grid; gap: 0.25rem; }
  .connect-label { font-weight: 600; }
  .connect-hint { margin: 0; color: var(--connect-color-muted, #505a5f); }
  .connect-input {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--connect-input-height, 2.75rem);
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--connect-color-surface, #fff);
    border: var(--connect-border-width, 2px) solid var(--connect-color-border, #0b0c0c);
    border-radius: var(--connect-radius, 0.25rem);
  }
  .connect-input:focus-visible { outline: var(--connect-focus-ring, 3px solid #1d70b8); outline-offset: 0; }
  .connect-field[data-state="invalid"] .connect-input { border-color: var(--connect-color-error, #d4351c); }
  .connect-field-error { margin: 0; font-weight: 600; color: var(--connect-color-error, #d4351c); }
  .connect-button {
    justify-self: start;
    min-height: var(--connect-input-height, 2.75rem);
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 600;
    color: var(--connect-color-accent-text, #fff);
    background: var(--connect-color-accent, #00703c);
    border: 2px solid transparent;
    border-radius: var(--connect-radius, 0.25rem);
    cursor: pointer;
  }
  .connect-button[data-variant="secondary"] {
    color: var(--connect-color-text, #0b0c0c);
    background: var(--connect-color-secondary, #f3f2f1);
    border-color: var(--connect-color-border, #0b0c0c);
  }
  .connect-button:focus-visible, .connect-link:focus-visible { outline: var(--connect-focus-ring, 3px solid #1d70b8); outline-offset: 2px; }
  .connect-button:disabled, .connect-button[aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
  .connect-link {
    padding: 0;
    font: inherit;
    color: var(--connect-color-link, #1d70b8);
    text-decoration: underline;
    background: none;
    border: 0;
    cursor: pointer;
    justify-self: start;
  }
  .connect-actions { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; }
  .connect-error-summary {
    padding: var(--connect-space, 1rem);
    border: var(--connect-border-width, 2px) solid var(--connect-color-error, #d4351c);
    border-radius: var(--connect-radius, 0.25rem);
  }
  .connect-error-summary:focus-visible, .connect-error-summary:focus { outline: var(--connect-focus-ring, 3px solid #1d70b8); outline-offset: 2px; }
  .connect-error-summary__title { margin: 0 0 0.5rem; font-size: 1.125rem; }
  .connect-error-summary ul { margin: 0; padding-inline-start: 1.25rem; }
  .connect-error-summary a { color: var(--connect-color-error, #d4351c); font-weight: 600; }
  .connect-notice {
    padding: var(--connect-space, 1rem);
    border-inline-start: 0.5rem solid var(--connect-color-success, #00703c);
    background: var(--connect-color-notice-surface, transparent);
  }
  .connect-support { display: grid; gap: 0.5rem; }
  .connect-support__heading { margin: 0; font-size: 1rem; }
  .connect-visually-hidden {
    position: absolute !important;
    width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
  }
  [data-pending] .connect-button[type="submit"] { cursor: progress; }
  @media (prefers-reduced-motion: no-preference) {
    .connect-input, .connect-button { transition: border-color 120ms ease, opacity 120ms ease; }
  }
}
`;
