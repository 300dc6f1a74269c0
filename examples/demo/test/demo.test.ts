/**
 * The demo server without a browser: one origin for pages, assets, API and dev inbox; the reset
 * page's headers; the migrated account across restarts; a busy port; `--reset` safety.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@connect-auth/server';
import { afterAll, describe, expect, test } from 'vitest';
import { DemoError, resetDemoData, startDemo } from '../demo.ts';
import { PAGE_PATHS } from '../pages.ts';
import { api, newestLink, tokenOf } from './browser.ts';
import { freshDemo } from './fixture.ts';

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
        expect(html).toContain('<script type="module" src="/assets/demo.js">');
        expect(html).toMatch(/<h1>/);
      }
      const script = await fetch(`${demo.url}/assets/demo.js`);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const code = await script.text();
      expect(code).toContain('connect-reset-password');
      expect(code).toContain('sourceMappingURL=demo.js.map');
      expect((await fetch(`${demo.url}/assets/demo.js.map`)).status).toBe(200);

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
