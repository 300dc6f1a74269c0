/**
 * The HTML page of the dev inbox: one card per mail, newest first, with the link as a button
 * and the code in a large box. No scripts (the page's CSP forbids them): refreshing is a link,
 * or a meta refresh when asked for with `?refresh=`.
 */
import type { OutboxRecord } from '../store/types.ts';
import { escapeHtml } from './format.ts';

/**
 * One mail as `GET /dev/mail` lists it. Rendered fields are null once the payload is scrubbed.
 */
export interface DevMail {
  id: string;
  to: string;
  template: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  /** The language the mail is written in (the account's locale), once rendered. */
  language?: string;
  /** The mail's main link (reset, activation, verification; sign-in for already_registered). */
  link?: string;
  /** The one-time code, for reset and activation mails. */
  code?: string;
  status: OutboxRecord['status'];
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

const STATUS_COLOURS: Record<string, string> = {
  pending: '#9a6700',
  sent: '#1a7f37',
  dead: '#cf222e',
};

function card(mail: DevMail): string {
  const link = mail.link
    ? `<p><a class="link" href="${escapeHtml(mail.link)}" rel="noreferrer">Open the link</a> <code class="url">${escapeHtml(mail.link)}</code></p>`
    : '';
  const code = mail.code
    ? `<p class="code-label">One-time code</p><p class="code">${escapeHtml(mail.code)}</p>`
    : '';
  const body =
    mail.text === null
      ? '<p class="muted">Content not available: the payload was scrubbed after sending, or cannot be opened.</p>'
      : `<details><summary>Full text</summary><pre>${escapeHtml(mail.text)}</pre></details>`;
  const error = mail.lastError
    ? `<p class="muted">Last error: ${escapeHtml(mail.lastError)}</p>`
    : '';
  const colour = STATUS_COLOURS[mail.status] ?? '#57606a';
  return `<article>
<h2>${escapeHtml(mail.subject ?? mail.template)}</h2>
<p class="meta">To <strong>${escapeHtml(mail.to)}</strong> · <time datetime="${escapeHtml(mail.createdAt)}">${escapeHtml(mail.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time> · <span style="color:${colour}">${escapeHtml(mail.status)}</span> · ${escapeHtml(mail.template)}</p>
${link}${code}${body}${error}
</article>`;
}

/**
 * The dev inbox page.
 */
export function inboxPage(
  mails: DevMail[],
  options: { productName: string; refreshSeconds: number | null },
): string {
  const name = escapeHtml(options.productName);
  const refresh = options.refreshSeconds
    ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">`
    : '';
  const toggle = options.refreshSeconds
    ? '<a href="?">Stop auto-refresh</a>'
    : '<a href="?refresh=5">Auto-refresh every 5 s</a>';
  const list = mails.length
    ? mails.map(card).join('\n')
    : '<p class="muted">No mail yet. Request a password reset, then refresh.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}
<title>Dev inbox · ${name}</title>
<style>
body{margin:0;font:15px/1.5 system-ui,Arial,sans-serif;background:#f4f5f7;color:#1f2328}
main{max-width:760px;margin:0 auto;padding:16px}
header{display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}
h1{font-size:22px;margin:8px 0}
article{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;margin:12px 0}
h2{font-size:17px;margin:0 0 4px}
.meta,.muted{color:#57606a;font-size:13px;margin:0 0 8px}
.link{display:inline-block;background:#0b5cad;color:#fff;text-decoration:none;font-weight:bold;padding:8px 14px;border-radius:6px}
.url{display:block;word-break:break-all;font-size:12px;color:#57606a;margin-top:6px}
.code-label{margin:8px 0 0;font-weight:600}
.code{font:bold 32px/1.2 Consolas,Menlo,monospace;letter-spacing:6px;text-align:center;background:#f4f5f7;border:1px solid #d0d7de;border-radius:6px;padding:10px;margin:8px 0;user-select:all}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:12px;border-radius:6px;font-size:13px}
.banner{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;font-size:13px}
</style>
</head>
<body>
<main>
<header><h1>Dev inbox · ${name}</h1><a href="">Refresh</a>${toggle}</header>
<p class="banner">Development mode: no mail leaves this server. Every mail it would send is listed here, newest first (also as JSON at <a href="/dev/mail">/dev/mail</a>).</p>
${list}
</main>
</body>
</html>
`;
}
