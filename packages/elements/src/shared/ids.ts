let counter = 0;

/**
 * A document-unique id prefix for one element instance (light DOM ids share the document).
 *
 * @example
 * ```ts
 * const prefix = uniqueId('signin'); // 'connect-signin-1'
 * ```
 */
export function uniqueId(name: string): string {
  counter += 1;
  return `connect-${name}-${counter}`;
}
