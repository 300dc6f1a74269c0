/** Codes of the development warnings the elements print. Each has a section in docs/elements.md. */
export type WarningCode = 'missing-client' | 'invalid-base-url' | 'policy-unavailable';

const DEV = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();
const issued = new Set<string>();

/**
 * Print a development warning once per code and element, with a link to its explanation.
 * Silent when `process.env.NODE_ENV` is `'production'` (bundlers replace it).
 */
export function issueWarning(code: WarningCode, tag: string, message: string): void {
  if (!DEV || issued.has(`${code}:${tag}`)) return;
  issued.add(`${code}:${tag}`);
  console.warn(
    `[connect-auth] <${tag}> ${code}: ${message} See https://connect-auth.dev/docs/elements#${code}`,
  );
}
