import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './http-server.ts';
import { sessionBody } from './msw.ts';

/**
 * The client in a real browser (headless Chromium): what happy-dom cannot prove — the fragment
 * token scrubbed from the real address bar, the HttpOnly refresh cookie invisible to script yet
 * sent on refresh (`credentials: 'include'`), redirects not followed, nothing in localStorage.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

const ENTRY = `
import { createConnectClient, isConnectError, readResetToken } from ${JSON.stringify(
  fileURLToPath(new URL('../src/index.ts', import.meta.url)),
)};
window.run = async () => {
  const out = { token: readResetToken(), address: location.pathname + location.search + location.hash };
  const client = createConnectClient({ baseUrl: location.origin, refreshBeforeExpiryMs: false });
  out.email = (await client.signIn({ email: 'owner@example.com', password: 'pw' })).account.email;
  out.visibleCookies = document.cookie;
  out.refreshed = (await client.refreshSession()).accessToken;
  out.redirect = await client.verifyResetToken('tok_0123456789abcdefghijklmnop').then(
    () => 'followed',
    (e) => (isConnectError(e) ? e.code + ':' + e.status : String(e)),
  );
  out.storage = localStorage.length + sessionStorage.length;
  return out;
};
`;

let server: TestServer;
let bundle = '';
let cookieOnRefresh: string | undefined;

function handle(request: IncomingMessage, response: ServerResponse): void {
  const json = { 'content-type': 'application/json' };
  if (request.url?.startsWith('/reset')) {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<script type="module" src="/app.js"></script>');
  } else if (request.url === '/app.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  } else if (request.url === '/v1/sessions') {
    // Plain http on 127.0.0.1: a __Host- cookie would need Secure, so the test uses another name.
    response
      .writeHead(200, { ...json, 'set-cookie': 'refresh=r1; Path=/; HttpOnly; SameSite=Strict' })
      .end(JSON.stringify(sessionBody(15 * 60_000, 'first')));
  } else if (request.url === '/v1/sessions/refresh') {
    cookieOnRefresh = request.headers.cookie;
    response.writeHead(200, json).end(JSON.stringify(sessionBody(15 * 60_000, 'second')));
  } else if (request.url === '/v1/password-resets/verify') {
    response.writeHead(307, { location: '/elsewhere' }).end();
  } else {
    response.writeHead(404).end();
  }
}

describe.skipIf(!available)(
  `in headless Chromium (${CHROMIUM}; skipped when it is not installed)`,
  () => {
    beforeAll(async () => {
      const result = await build({
        stdin: { contents: ENTRY, loader: 'ts', resolveDir: process.cwd() },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        conditions: ['@connect-auth/source'],
        write: false,
        logLevel: 'silent',
      });
      bundle = result.outputFiles[0]?.text ?? '';
      server = await startServer(handle);
    });
    afterAll(() => server?.close());

    it('reads and scrubs the token, keeps the refresh cookie out of script, never follows redirects', async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}/reset?lang=fr#token=abc123&step=2`);
        await page.waitForFunction(() => typeof (window as { run?: unknown }).run === 'function');
        const out = await page.evaluate(() =>
          (window as unknown as { run: () => Promise<unknown> }).run(),
        );
        const address = new URL(page.url());
        expect(out).toEqual({
          token: 'abc123',
          address: '/reset?lang=fr#step=2',
          email: 'owner@example.com',
          visibleCookies: '',
          refreshed: 'second',
          redirect: 'invalid_response:0',
          storage: 0,
        });
        expect(`${address.pathname}${address.search}${address.hash}`).toBe('/reset?lang=fr#step=2');
        expect(cookieOnRefresh).toBe('refresh=r1');
      } finally {
        await browser.close();
      }
    }, 30_000);
  },
);
