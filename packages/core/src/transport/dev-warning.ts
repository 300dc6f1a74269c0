/**
 * In development, a call that fails without an answer from a browser page on another origin than
 * the server explains itself once: the browser hides whether CORS refused it (the server does
 * not allow this page's origin) or nothing answered, and both look like `network_error`.
 */

/**
 * Development mode: `process.env.NODE_ENV` is not `'production'` (bundlers replace it in
 * production builds), or there is no `process` at all (a page without a bundler).
 */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

const warned = new Set<string>();

/**
 * Warn once per server origin that a cross-origin call got no answer, naming the server setting
 * that allows this page's origin. Silent in production, outside browsers and on the same origin.
 */
export function warnUnreachable(base: string): void {
  if (typeof document === 'undefined' || typeof location === 'undefined' || !isDevelopment())
    return;
  const server = new URL(base).origin;
  const page = location.origin;
  if (server === page || warned.has(server)) return;
  warned.add(server);
  console.warn(
    `[connect-auth] No answer from ${server} to this page (${page}). If the server is running, it does not allow this origin: start it with --allowed-origins ${page} (env ALLOWED_ORIGINS) or --app-url ${page} (APP_URL). https://github.com/codelocks/connect-auth/blob/main/docs/cors.md`,
  );
}
