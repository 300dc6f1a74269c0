/**
 * The pages mailed links open (`/reset`, `/verify-email`, `/sign-in`, `/lost-password`) belong
 * to the app, at `APP_URL`. A server started without `APP_URL` mails links to itself; instead of
 * a bare 404, those paths then answer a page saying what to configure.
 */
import { APP_PATHS } from '../services/deps.ts';

const PATHS: ReadonlySet<string> = new Set(Object.values(APP_PATHS));

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The explanation page for an app path, or `undefined` for any other path.
 */
export function appUrlHint(method: string, path: string, serverUrl: string): Response | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || !PATHS.has(path)) return undefined;
  const server = escapeHtml(serverUrl);
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Set the app URL of the Connect Auth server</title></head>
<body>
<h1>This address belongs to your app, not to the account server</h1>
<p>Links in Connect Auth emails open <code>&lt;APP_URL&gt;${escapeHtml(path)}</code>. This server was started
without an app URL, so the links point at the server itself (<code>${server}</code>), which has no
pages to show.</p>
<h2>What to configure</h2>
<ul>
<li>Start the server with <code>--app-url https://your-app.example</code> (environment variable
<code>APP_URL</code>): the address of the app whose <code>${escapeHtml(path)}</code> page shows
<code>&lt;connect-reset-password&gt;</code> (and <code>/verify-email</code>, <code>/sign-in</code>,
<code>/lost-password</code>).</li>
<li>If the app is on another origin than this server, that origin is then allowed to call it
(<code>--allowed-origins</code> / <code>ALLOWED_ORIGINS</code> adds further ones).</li>
<li>Then request a new email: links already sent keep pointing here.</li>
</ul>
<p>If you opened this link from an email, the 8-digit code in the same email still works on the
app's <em>Lost password</em> page, or contact Customer Services.</p>
</body>
</html>
`;
  return new Response(html, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  });
}
