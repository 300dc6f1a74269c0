import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSealer } from '../crypto/seal.ts';
import { memoryLogger } from '../log.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store } from '../store/types.ts';
import { type DevMail, devInboxHandler } from './dev-inbox.ts';
import type { MailPayloads, MailTemplate } from './payloads.ts';
import { composeMail } from './templates.ts';
import { devTransport } from './transports.ts';
import { startOutboxWorker } from './worker.ts';

const sealer = createSealer('dev-inbox-test-secret-0123456789');
const LINK = 'https://connect.example/reset#token=TokenValue_0123456789abcdefghijklmnop';
const CODE = '55012398';
const opts = { productName: 'Codelocks Connect', supportUrl: 'https://help.connect.example/' };

describe('devInboxHandler (SQLite; the inbox only reads listMail, covered on both adapters by the store suite)', () => {
  let store: Store;
  let inbox: (request: Request) => Promise<Response>;
  let minute = 0;

  async function enqueue<T extends MailTemplate>(to: string, template: T, data: MailPayloads[T]) {
    const mail = composeMail(sealer, {
      id: randomUUID(),
      to,
      template,
      data,
      createdAt: new Date(Date.UTC(2026, 10, 28, 8, minute++)),
    });
    await store.enqueueMail(mail);
    return mail;
  }

  async function deliverAll(scrubAfterSend: boolean) {
    const worker = startOutboxWorker({
      store,
      sealer,
      transport: devTransport(),
      from: 'no-reply@connect.example',
      logger: memoryLogger(),
      scrubAfterSend,
      clock: () => new Date(Date.UTC(2026, 10, 28, 9)),
      ...opts,
    });
    await worker.drain();
    await worker.stop();
  }

  const get = (path: string, init?: RequestInit) =>
    inbox(new Request(`http://127.0.0.1${path}`, init));
  const json = async (path: string) => (await (await get(path)).json()) as DevMail[];

  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
    inbox = devInboxHandler({ store, sealer, ...opts });
    minute = 0;
  });
  afterEach(async () => {
    await store.close();
  });

  it('GET /dev/mail lists rendered mails newest first, with link and code to follow', async () => {
    await enqueue('ann@example.com', 'password_reset', {
      link: LINK,
      code: CODE,
      expiresAt: '2026-11-28T09:00:00Z',
    });
    await enqueue('ann@example.com', 'password_changed', {
      activated: true,
      at: '2026-11-28T08:05:00Z',
    });
    await deliverAll(false);
    await enqueue('bob@example.com', 'already_registered', {
      signInUrl: 'https://connect.example/sign-in',
      resetUrl: 'https://connect.example/lost-password',
    });

    const response = await get('/dev/mail');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const mails = (await response.json()) as DevMail[];
    expect(mails.map((m) => [m.to, m.template, m.status])).toEqual([
      ['bob@example.com', 'already_registered', 'pending'],
      ['ann@example.com', 'password_changed', 'sent'],
      ['ann@example.com', 'password_reset', 'sent'],
    ]);
    const reset = mails[2] as DevMail;
    expect(reset).toMatchObject({
      subject: 'Password Reset Request for Codelocks Connect',
      link: LINK,
      code: CODE,
      createdAt: '2026-11-28T08:00:00.000Z',
    });
    expect(reset.text).toContain(CODE);
    expect(reset.html).toContain(`href="${LINK}"`);
    expect(mails[1]).toMatchObject({ subject: 'Your Codelocks Connect account is active' });
    expect(mails[1]).not.toHaveProperty('link');
    expect(mails[0]).toMatchObject({ link: 'https://connect.example/sign-in' });
  });

  it('filters by recipient (?to=, case-insensitive) and caps with ?limit=', async () => {
    for (const to of ['a@example.com', 'B@example.com', 'a@example.com']) {
      await enqueue(to, 'verify_email', { link: LINK, expiresAt: '2026-11-29T08:00:00Z' });
    }
    expect(await json('/dev/mail?to=b@EXAMPLE.com')).toHaveLength(1);
    expect(await json('/dev/mail?to=a@example.com')).toHaveLength(2);
    expect(await json('/dev/mail?limit=1')).toHaveLength(1);
    expect(await json('/dev/mail?limit=junk')).toHaveLength(3);
  });

  it('shows scrubbed mails without content', async () => {
    await enqueue('ann@example.com', 'password_reset', {
      link: LINK,
      code: CODE,
      expiresAt: '2026-11-28T09:00:00Z',
    });
    await deliverAll(true);
    const [mail] = await json('/dev/mail');
    expect(mail).toMatchObject({ status: 'sent', subject: null, text: null, html: null });
    expect(mail).not.toHaveProperty('code');
    expect(await (await get('/dev/inbox')).text()).toContain('Content not available');
  });

  it('GET /dev/inbox is a readable, script-free page with a clickable link and the code', async () => {
    await enqueue('"<script>alert(1)</script>"@example.com', 'password_reset', {
      link: `${LINK}&x="><b>`,
      code: CODE,
      expiresAt: '2026-11-28T09:00:00Z',
    });
    const response = await get('/dev/inbox');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(`<a class="link" href="${LINK}&amp;x=&quot;&gt;&lt;b&gt;"`);
    expect(page).toMatch(new RegExp(`<p class="code"[^>]*>${CODE}</p>`));
    // The code is named by visible text, not by an aria-label a <p> may not carry.
    expect(page).toContain('<p class="code-label">One-time code</p>');
    expect(page).not.toContain('aria-label');
    expect(page).toContain('Password Reset Request for Codelocks Connect');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('http-equiv="refresh"');
    expect(await (await get('/dev/inbox?refresh=5')).text()).toContain(
      '<meta http-equiv="refresh" content="5">',
    );
  });

  it('an empty inbox says so; HEAD has no body', async () => {
    expect(await (await get('/dev/inbox')).text()).toContain('No mail yet');
    expect(await json('/dev/mail')).toEqual([]);
    const head = await get('/dev/mail', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('GET /dev redirects to the page', async () => {
    for (const path of ['/dev', '/dev/']) {
      const response = await get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/dev/inbox');
    }
  });

  it('answers problem+json 404 for other paths and 405 for other methods', async () => {
    const missing = await get('/dev/secrets');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ code: 'not_found', status: 404 });
    const post = await get('/dev/mail', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.json()).toMatchObject({ code: 'method_not_allowed' });
  });
});
