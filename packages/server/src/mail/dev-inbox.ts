/**
 * The dev inbox: in development the server sends no mail; the outbox keeps every payload and
 * these routes show what would have been sent. `GET /dev/mail` answers JSON (tests and the demo
 * follow `link` or type `code`); `GET /dev/inbox` is a readable page. The APP mounts them only
 * in dev mode: they reveal live reset links by design.
 */
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '@connect-auth/core/contract';
import type { Sealer } from '../crypto/seal.ts';
import type { OutboxRecord, Store } from '../store/types.ts';
import { type DevMail, inboxPage } from './dev-inbox-page.ts';
import type { MailTemplate } from './payloads.ts';
import { renderMail } from './templates.ts';

// Listed by the JSON route, rendered by the page (which owns the type, so it needs nothing here).
export type { DevMail };

/**
 * Options of {@link devInboxHandler}.
 */
export interface DevInboxOptions {
  store: Store;
  sealer: Sealer;
  productName: string;
  supportUrl: string;
  /** Most mails listed (default 50; `?limit=` may ask for fewer or up to 500). */
  limit?: number;
}

function pick(data: unknown, key: string): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Render one outbox row for the inbox; never throws (a broken row shows as such).
 */
export function toDevMail(
  row: OutboxRecord,
  options: Pick<DevInboxOptions, 'sealer' | 'productName' | 'supportUrl'>,
): DevMail {
  const mail: DevMail = {
    id: row.id,
    to: row.to,
    template: row.template,
    subject: null,
    text: null,
    html: null,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    lastError: row.lastError,
  };
  if (row.payload === null) return mail;
  try {
    const data = options.sealer.unseal(row.payload);
    const rendered = renderMail(row.template as MailTemplate, data, {
      productName: options.productName,
      supportUrl: options.supportUrl,
      requestedAt: row.createdAt,
    });
    const link = pick(data, 'link') ?? pick(data, 'signInUrl');
    const code = pick(data, 'code');
    return { ...mail, ...rendered, ...(link ? { link } : {}), ...(code ? { code } : {}) };
  } catch {
    return mail;
  }
}

const NO_STORE = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function problem(
  status: number,
  code: string,
  title: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${code}`, title, status, code }),
    {
      status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...NO_STORE, ...extra },
    },
  );
}

/**
 * The dev inbox routes as one web-standard handler: `GET /dev/mail` (JSON array, newest first;
 * `?to=` filters by recipient, `?limit=` caps the count) and `GET /dev/inbox` (HTML page;
 * `?refresh=5` reloads it every 5 s); `GET /dev` redirects to the page. Other paths answer 404,
 * other methods 405.
 */
export function devInboxHandler(options: DevInboxOptions): (request: Request) => Promise<Response> {
  const maxLimit = Math.min(500, Math.max(1, options.limit ?? 50));

  const list = async (params: URLSearchParams): Promise<DevMail[]> => {
    const asked = Number(params.get('limit'));
    const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 500) : maxLimit;
    const to = params.get('to')?.trim().toLowerCase();
    // Filtering happens after the query; ask for more rows so a filter still finds its mails.
    const rows = await options.store.listMail(to ? 500 : limit);
    return rows
      .filter((row) => !to || row.to.toLowerCase() === to)
      .slice(0, limit)
      .map((row) => toDevMail(row, options));
  };

  return async (request) => {
    const url = new URL(request.url);
    const route = url.pathname.replace(/\/+$/, '');
    if (route === '/dev' && (request.method === 'GET' || request.method === 'HEAD')) {
      return new Response(null, { status: 302, headers: { location: '/dev/inbox', ...NO_STORE } });
    }
    if (route !== '/dev/mail' && route !== '/dev/inbox') {
      return problem(404, 'not_found', 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return problem(405, 'method_not_allowed', 'Method not allowed', { allow: 'GET, HEAD' });
    }
    const mails = await list(url.searchParams);
    const head = request.method === 'HEAD';
    if (route === '/dev/mail') {
      return new Response(head ? null : JSON.stringify(mails), {
        headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE },
      });
    }
    const refresh = Number(url.searchParams.get('refresh'));
    const page = inboxPage(mails, {
      productName: options.productName,
      refreshSeconds: Number.isInteger(refresh) && refresh >= 1 && refresh <= 600 ? refresh : null,
    });
    return new Response(head ? null : page, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        ...NO_STORE,
        // No scripts, no frames, inline styles only.
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        'x-frame-options': 'DENY',
      },
    });
  };
}
