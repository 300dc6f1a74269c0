/**
 * The demo server without a browser: one origin for pages, assets, API and dev inbox; the reset
 * page's headers; the migrated account across restarts; a busy port; `--reset` safety.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { silentLogger } from '@connect-auth/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DemoError, resetDemoData, startDemo } from '../demo.ts';
import { PAGE_PATHS } from '../pages.ts';
import { api, newestLink, tokenOf } from './browser.ts';
import { type DemoFixture, freshDemo } from './fixture.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'connect-demo-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('one origin', () => {
  test('pages, the script bundle, the API and the dev inbox answer on the same origin', async () => {
    const { demo, dispose } = await freshDemo();
    try {
      for (const path of PAGE_PATHS) {
        const res = await fetch(`${demo.url}${path}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
        const html = await res.text();
        expect(html).toMatch(/<h1>/);
      }
      const [script] = await pageScripts(demo.url, '/reset');
      const res = await fetch(`${demo.url}${script}`);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const code = await res.text();
      expect(code).toContain('connect-reset-password');
      const map = /sourceMappingURL=(\S+\.js\.map)/.exec(code)?.[1];
      expect(map).toBeTruthy();
      expect((await fetch(`${demo.url}/assets/${map}`)).status).toBe(200);

      const policy = await fetch(`${demo.url}/v1/password-policy`);
      expect(policy.status).toBe(200);
      expect(((await policy.json()) as { id: string }).id).toBe('connect');
      expect((await fetch(`${demo.url}/.well-known/jwks.json`)).status).toBe(200);
      expect((await fetch(`${demo.url}/dev/mail`)).status).toBe(200);
      const missing = await fetch(`${demo.url}/no-such-page`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await dispose();
    }
  });

  test('the reset page is served with Referrer-Policy no-referrer and Cache-Control no-store', async () => {
    const { demo, dispose } = await freshDemo();
    try {
      for (const path of ['/reset', '/verify-email']) {
        const res = await fetch(`${demo.url}${path}`);
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
      expect((await fetch(`${demo.url}/sign-in`)).headers.get('cache-control')).toBe('no-cache');
    } finally {
      await dispose();
    }
  });

  test('mailed links point at the demo’s own pages, and the Customer Services link at /support', async () => {
    const { demo, dispose } = await freshDemo();
    try {
      expect(demo.account).toEqual({
        email: 'owner@example.com',
        name: 'Demo Owner',
        status: 'pending_activation',
      });
      expect((await api(demo, '/v1/password-resets', { email: demo.account.email })).status).toBe(
        202,
      );
      const link = await newestLink(demo, demo.account.email, 'account_activation');
      expect(link).toMatch(new RegExp(`^${demo.url}/reset#token=[A-Za-z0-9_-]{43,}$`));
      const mails = (await (await fetch(`${demo.url}/dev/mail`)).json()) as Array<{
        text: string;
      }>;
      expect(mails[0]?.text).toContain(`${demo.url}/support`);
    } finally {
      await dispose();
    }
  });
});

/** The page's script and what it preloads, in the order the HTML names them (the script first). */
async function pageScripts(url: string, path: string): Promise<string[]> {
  const html = await (await fetch(`${url}${path}`)).text();
  const script = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]);
  const preload = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  return [...script, ...preload] as string[];
}

/** A GET whose body is kept as sent (fetch would decode it). */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('assets', () => {
  let fixture: DemoFixture;
  beforeAll(async () => {
    fixture = await freshDemo();
  });
  afterAll(() => fixture.dispose());

  // The tags each page's script defines: its own form and the ones that form renders, no other.
  const OWN: Record<string, string[]> = {
    '/lost-password': ['password-input', 'lost-password', 'sign-in'],
    '/reset': ['password-input', 'lost-password', 'reset-password', 'sign-in'],
    '/sign-in': ['password-input', 'lost-password', 'sign-in'],
    '/register': ['password-input', 'register'],
    '/account': ['password-input', 'change-password', 'change-email'],
    '/verify-email': [],
    '/confirm-email': [],
    '/': [],
    '/support': [],
  };
  const TAGS = [
    'password-input',
    'lost-password',
    'reset-password',
    'sign-in',
    'register',
    'change-password',
    'change-email',
  ];

  test('each page loads only the elements it shows, and preloads what its script imports', async () => {
    const { url } = fixture.demo;
    expect(Object.keys(OWN).sort()).toEqual([...PAGE_PATHS].sort());
    for (const path of PAGE_PATHS) {
      const scripts = await pageScripts(url, path);
      let code = '';
      for (const src of scripts) code += await (await fetch(`${url}${src}`)).text();
      // `define('connect-…', Class)`, minified to `f("connect-…",C)`; a selector has no second
      // argument, and the shared styles' selectors are not quoted.
      const defined = TAGS.filter((tag) => new RegExp(`\\("connect-${tag}",[\\w$]+\\)`).test(code));
      expect(defined, path).toEqual(OWN[path]);
      // Every static import of the loaded files is preloaded by the page.
      for (const imported of code.matchAll(/(?:^|[;}])import(?:[^"'()]*?from)?\s*"\.\/([^"]+)"/g)) {
        expect(scripts, `${path} preloads ${imported[1]}`).toContain(`/assets/${imported[1]}`);
      }
    }
  });

  test('the reset page: its link check inlined ahead of the stylesheet, its forms in one file', async () => {
    const { url } = fixture.demo;
    const res = await fetch(`${url}/reset`);
    const html = await res.text();
    // The early check is a classic inline script, before the stylesheet (which would hold it),
    // allowed by its hash and nothing broader.
    const inline = /<script data-base-url="\/">([\s\S]+?)<\/script>/.exec(html);
    expect(inline?.index).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(inline?.[1]).toContain('/v1/password-resets/verify');
    const hash = createHash('sha256')
      .update(inline?.[1] ?? '')
      .digest('base64');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
    // Bundled alone: one module with no static import, so the only other script the form waits
    // for is the preloaded English texts (a lazy chunk every form loads).
    const scripts = await pageScripts(url, '/reset');
    const code = await (await fetch(`${url}${scripts[0]}`)).text();
    expect(code).not.toMatch(/(?:^|[;}])import(?:[^"'()]*?from)?\s*"\.\//);
    expect(scripts.length).toBeLessThanOrEqual(2);
    // Other pages still share their chunks.
    const signIn = await pageScripts(url, '/sign-in');
    expect(signIn.length).toBeGreaterThan(2);
  });

  test('scripts, the stylesheet and pages are compressed as the request accepts', async () => {
    const { url } = fixture.demo;
    const [script] = await pageScripts(url, '/reset');
    const plain = await rawGet(`${url}${script}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await rawGet(`${url}${script}`, { 'accept-encoding': `${encoding}, deflate` });
      expect(res.headers['content-encoding'], encoding).toBe(encoding);
      expect(Number(res.headers['content-length'])).toBe(res.body.byteLength);
      expect(res.body.byteLength).toBeLessThan(plain.body.byteLength * 0.5);
      expect(decoders[encoding](res.body).equals(plain.body)).toBe(true);
    }
    // Brotli first when both are accepted; q=0 refuses an encoding.
    const both = await rawGet(`${url}${script}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(both.headers['content-encoding']).toBe('br');
    const noBr = await rawGet(`${url}${script}`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');

    const html = await (await fetch(`${url}/reset`)).text();
    const css = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    const style = await rawGet(`${url}${css}`, { 'accept-encoding': 'br' });
    expect(style.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(style.body).toString()).toContain('--connect-');
    const page = await rawGet(`${url}/reset`, { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString()).toContain('<connect-reset-password');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  test('content-hashed assets are cached for a year; the plain names revalidate by ETag', async () => {
    const { url } = fixture.demo;
    const [script] = await pageScripts(url, '/reset');
    expect(script).toMatch(/^\/assets\/reset-[\w-]+\.js$/);
    const hashed = await rawGet(`${url}${script}`, { 'accept-encoding': 'br' });
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await rawGet(`${url}/assets/demo.css`);
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('no-cache');
    const again = await rawGet(`${url}/assets/demo.css`, {
      'if-none-match': plain.headers.etag ?? '',
    });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    // Each encoding is its own representation: its ETag does not match the plain one.
    const br = await rawGet(`${url}/assets/demo.css`, {
      'accept-encoding': 'br',
      'if-none-match': plain.headers.etag ?? '',
    });
    expect(br.status).toBe(200);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
  });
});

describe('the migrated account across restarts', () => {
  test('a restart keeps the account; once activated, the next start offers a fresh one', async () => {
    const dataDir = await tempDir();
    const first = await startDemo({ port: 0, dataDir, logger: silentLogger });
    expect(first.account.email).toBe('owner@example.com');
    expect(first.activated).toEqual([]);
    await first.close();

    const second = await startDemo({ port: 0, dataDir, logger: silentLogger });
    expect(second.account.email).toBe('owner@example.com');
    expect(second.activated).toEqual([]);
    await api(second, '/v1/password-resets', { email: 'owner@example.com' });
    const link = await newestLink(second, 'owner@example.com', 'account_activation');
    const done = await api(second, '/v1/password-resets/complete', {
      token: tokenOf(link),
      password: 'Violet-Harbour-42',
    });
    expect(done.status).toBe(200);
    // The overview offers a fresh account at once.
    expect(await (await fetch(second.url)).text()).toContain('owner2@example.com');
    await second.close();

    const third = await startDemo({ port: 0, dataDir, logger: silentLogger });
    expect(third.account).toEqual({
      email: 'owner2@example.com',
      name: 'Demo Owner 2',
      status: 'pending_activation',
    });
    expect(third.activated.map((a) => [a.email, a.status])).toEqual([
      ['owner@example.com', 'active'],
    ]);
    await third.close();

    // --reset: everything is fresh again.
    const fourth = await startDemo({ port: 0, dataDir, logger: silentLogger, reset: true });
    expect(fourth.account.email).toBe('owner@example.com');
    expect(fourth.activated).toEqual([]);
    await fourth.close();
  });

  test('resetDemoData refuses a directory the demo did not create', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'precious.txt'), 'keep me');
    await expect(resetDemoData(dir)).rejects.toMatchObject({ code: 'not_a_demo_dir' });
    expect(await readdir(dir)).toEqual(['precious.txt']);
    const empty = join(dir, 'empty');
    await mkdir(empty);
    expect(await resetDemoData(empty)).toBe(true);
    expect(await resetDemoData(join(dir, 'absent'))).toBe(false);
  });
});

test('a busy port gives a clear message naming the port, and --reset then deletes nothing', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const dataDir = await tempDir();
  await writeFile(join(dataDir, '.connect-auth-demo'), '');
  await writeFile(join(dataDir, 'demo.db'), 'data of a demo that may still be running');
  try {
    const error = await startDemo({ port, dataDir, logger: silentLogger, reset: true }).catch(
      (e: unknown) => e,
    );
    expect((await readdir(dataDir)).sort()).toEqual(['.connect-auth-demo', 'demo.db']);
    expect(error).toBeInstanceOf(DemoError);
    expect((error as DemoError).code).toBe('port_in_use');
    expect((error as DemoError).message).toContain(`Port ${port} is already in use`);
    expect((error as DemoError).message).toContain('--port');
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
