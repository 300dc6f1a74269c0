let counter = 0;

/**
 * A document-unique id prefix for one element instance (light DOM ids share the document).
 */
export function uniqueId(name: string): string {
  counter += 1;
  return `connect-${name}-${counter}`;
}
