/** One constructed sheet per stylesheet name, shared by every shadow root that adopts it. */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Make a stylesheet reach the elements rendered under `root`, once per root. In a document: a
 * `<style data-connect-auth="<name>">` at the start of `<head>` (so page styles that come later
 * win as well as the `@layer`). In a shadow root (a Lit or Stencil host, Angular's ShadowDom),
 * where document styles do not reach: the sheet is added to its `adoptedStyleSheets`, or, where
 * that is unsupported (or the root belongs to another document), a `<style>` at its start.
 * Detached fragments get nothing. Idempotent.
 */
export function injectStyles(root: Node, name: string, cssText: string): void {
  const shadow = (root as Partial<ShadowRoot>).host ? (root as ShadowRoot) : null;
  const parent = shadow ?? (root as Document).head;
  if (!parent) return;
  if (shadow) {
    try {
      let sheet = sheets.get(name);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssText);
        sheets.set(name, sheet);
      }
      if (!shadow.adoptedStyleSheets.includes(sheet)) {
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      }
      return;
    } catch {
      // No constructable stylesheets here: fall back to a <style> element.
    }
  }
  if (parent.querySelector(`style[data-connect-auth="${name}"]`)) return;
  const style = (root.ownerDocument ?? (root as Document)).createElement('style');
  style.dataset.connectAuth = name;
  style.textContent = cssText;
  const last = parent.querySelector('style[data-connect-auth]:last-of-type');
  if (last) last.after(style);
  else parent.prepend(style);
}
