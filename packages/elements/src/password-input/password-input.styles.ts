/** Styles of `<connect-password-input>`, inside `@layer connect-auth`. */
export const passwordInputStyles = `
@layer connect-auth {
  .connect-password__row { display: flex; gap: 0.5rem; align-items: stretch; }
  .connect-password__row .connect-input { flex: 1 1 auto; min-width: 0; }
  .connect-password__toggle {
    flex: none;
    padding: 0 0.75rem;
    font: inherit;
    color: var(--connect-color-text, #0b0c0c);
    background: var(--connect-color-secondary, #f3f2f1);
    border: var(--connect-border-width, 2px) solid var(--connect-color-border, #0b0c0c);
    border-radius: var(--connect-radius, 0.25rem);
    cursor: pointer;
  }
  .connect-password__toggle[aria-pressed="true"] { background: var(--connect-color-border, #0b0c0c); color: var(--connect-color-surface, #fff); }
  .connect-password__toggle:focus-visible { outline: var(--connect-focus-ring, 3px solid #1d70b8); outline-offset: 2px; }
  .connect-strength { display: grid; gap: 0.25rem; }
  .connect-strength meter { width: 100%; height: 0.5rem; }
  .connect-rules { display: grid; gap: 0.25rem; }
  .connect-rules__title { margin: 0; font-weight: 600; }
  .connect-rules ul { margin: 0; padding: 0; list-style: none; }
  .connect-rule { display: flex; gap: 0.5rem; align-items: baseline; }
  .connect-rule__icon::before { content: "○"; display: inline-block; width: 1em; color: var(--connect-color-muted, #505a5f); }
  .connect-rule[data-state="met"] .connect-rule__icon::before { content: "✓"; color: var(--connect-color-success, #00703c); }
  .connect-rule[data-state="failed"] .connect-rule__icon::before { content: "✗"; color: var(--connect-color-error, #d4351c); }
  .connect-rule[data-state="failed"] { color: var(--connect-color-error, #d4351c); font-weight: 600; }
}
`;
