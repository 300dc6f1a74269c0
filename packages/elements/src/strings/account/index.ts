import { addStrings } from '../registry.ts';
import { enAccount } from './en.ts';

let added = false;

/**
 * Add the account elements' strings to the registry, once: English at once, the other shipped
 * languages on demand (each its own chunk). Called by `<connect-change-password>` and
 * `<connect-change-email>`, so only the pages that show them pay for these strings.
 */
export function useAccountStrings(): void {
  if (added) return;
  added = true;
  addStrings(enAccount, {
    de: () => import('./de.ts'),
    es: () => import('./es.ts'),
    fr: () => import('./fr.ts'),
    it: () => import('./it.ts'),
    nl: () => import('./nl.ts'),
  });
}
