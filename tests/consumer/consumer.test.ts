/**
 * The packages as users get them. Every package is packed with `pnpm pack` (workspace ranges
 * become versions), the tarballs are installed with plain `npm i` into fresh projects in a
 * temporary directory outside the workspace, and those projects are built and opened the way
 * users build and open them:
 *
 * - esbuild (TypeScript, `@connect-auth/elements/all`), webpack 5 (JavaScript with checkJs,
 *   one `define/*` entry per element): the five tags defined and rendered in Chromium;
 * - examples/react (React 19 + Vite + TS): production build and dev server; the production app
 *   walks the activation journey against the packed server's CLI on another origin: request,
 *   mail in the dev inbox, the link opens the app's /reset, new password, sign-in, and the
 *   session survives a reload through the refresh cookie; opened from an origin the server does
 *   not allow, the dev server's app prints core's warning naming `--allowed-origins`, the
 *   production build stays silent;
 * - examples/vue (Vue 3 + Vite, vue-tsc), examples/vanilla (no build: the browser file), which
 *   walks the same journey, and examples/backend-verify (a route protected with
 *   verifyAccessToken against the server's JWKS).
 *
 * Each project type-checks under strict TypeScript with its own compiler. A `sideEffects` that
 * lets bundlers drop the registrations, a broken export map or types entry fails here.
 *
 * Needs the packages built (`pnpm run build`, which `npm test` runs first), npm and the npm
 * registry (the shared cache under $TMPDIR/connect-auth-consumer makes later runs offline-first),
 * and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  freePort,
  installApp,
  launchChromium,
  PACKAGES,
  type PackageName,
  pack,
  ROOT,
  type Running,
  run,
  say,
  serveStatic,
  start,
  tarballFiles,
  WORK,
} from './lib.ts';

const TAGS = [
  'connect-lost-password',
  'connect-reset-password',
  'connect-sign-in',
  'connect-register',
  'connect-password-input',
] as const;
const STRONG = 'Harbour-Lantern-42';
const EMAIL = 'owner@example.com';

/** Which projects are installed, and from where. */
const APPS = {
  esbuild: join(ROOT, 'tests/consumer/fixtures/esbuild'),
  webpack: join(ROOT, 'tests/consumer/fixtures/webpack'),
  react: join(ROOT, 'examples/react'),
  vue: join(ROOT, 'examples/vue'),
  vanilla: join(ROOT, 'examples/vanilla'),
  'backend-verify': join(ROOT, 'examples/backend-verify'),
} as const;
type AppName = keyof typeof APPS;

const runDir = join(WORK, `run-${process.pid}`);
const tarballs = {} as Record<PackageName, string>;
const installed = {} as Record<AppName, Promise<string>>;
let browser: Browser;
const cleanup: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  for (const name of PACKAGES) {
    if (!existsSync(join(ROOT, 'packages', name, 'dist/index.js')))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm run build\` first.`);
  }
  await rm(runDir, { recursive: true, force: true });
  await mkdir(join(runDir, 'tarballs'), { recursive: true });
  for (const name of PACKAGES) {
    tarballs[name] = await pack(name, join(runDir, 'tarballs'));
    say(`packed ${tarballs[name]}`);
  }
  // Two installs at a time: the first run is network-bound, later ones come from the cache.
  const lanes: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve()];
  (Object.keys(APPS) as AppName[]).forEach((name, i) => {
    const lane = i % lanes.length;
    const done = (lanes[lane] as Promise<unknown>)
      .catch(() => undefined)
      .then(() => installApp(name, APPS[name], tarballs, join(runDir, 'apps')));
    lanes[lane] = done;
    installed[name] = done;
    done.catch(() => undefined); // awaited by its test
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  await browser?.close();
  await Promise.allSettled(Object.values(installed));
  await rm(runDir, { recursive: true, force: true });
}, 60_000);

/** A fresh page that records uncaught errors. */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  cleanup.push(() => context.close());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** The five tags are registered, and every one on the page has rendered its content. */
async function expectTagsDefinedAndRendered(page: Page, rendered: readonly string[] = TAGS) {
  const defined = await page
    .waitForFunction(
      (tags) => tags.every((tag) => customElements.get(tag) !== undefined),
      [...TAGS],
      { timeout: 20_000 },
    )
    .then(
      () => [...TAGS],
      () =>
        page.evaluate(
          (tags) => tags.filter((tag) => customElements.get(tag) !== undefined),
          [...TAGS],
        ),
    );
  expect(defined, 'tags registered with customElements').toEqual([...TAGS]);
  for (const tag of rendered) {
    await expect
      .poll(
        () =>
          page.evaluate((t) => {
            const element = document.querySelector(t);
            return element ? element.querySelectorAll('input, button, a, p').length : -1;
          }, tag),
        { message: `<${tag}> rendered its content` },
      )
      .toBeGreaterThan(0);
  }
}

/** Wait until `url` answers (a server started by an app's `npm start`). */
async function waitForHttp(url: string, server: Running): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered:\n${server.output()}`);
}

/** The newest mail the dev inbox holds for `to`. */
async function newestMail(api: string, to: string) {
  let mail: { link?: string; template: string; subject: string } | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (
          await fetch(`${api}/dev/mail?to=${encodeURIComponent(to)}`)
        ).json()) as Array<{
          link?: string;
          template: string;
          subject: string;
        }>;
        mail = mails[0];
        return mail?.link ?? null;
      },
      { timeout: 20_000, message: `a mail to ${to} in ${api}/dev/inbox` },
    )
    .not.toBeNull();
  return mail as { link: string; template: string; subject: string };
}

/**
 * The activation journey across two origins: request on the app, the mail arrives, its link
 * opens the app's reset page, the new password is saved, the user signs in.
 */
async function activationJourney(page: Page, app: string, api: string): Promise<void> {
  await page.goto(`${app}/`);
  const lost = page.locator('connect-lost-password');
  await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
  await lost.getByLabel('Email address').fill(EMAIL);
  await lost.getByRole('button', { name: 'Reset Password' }).click();
  await expect.poll(() => lost.getAttribute('data-step'), { timeout: 15_000 }).toBe('sent');
  const mail = await newestMail(api, EMAIL);
  say(`  mail arrived: "${mail.subject}" (${mail.template})`);
  expect(mail.template).toBe('account_activation');
  expect(mail.link.startsWith(`${app}/reset#token=`)).toBe(true);
  await page.goto(mail.link);
  const reset = page.locator('connect-reset-password');
  await expect.poll(() => reset.getAttribute('data-step'), { timeout: 15_000 }).toBe('form');
  await reset.locator('input[name="password"]').fill(STRONG);
  await reset.locator('input[name="confirm"]').fill(STRONG);
  await reset.getByRole('button', { name: /save/i }).click();
  await expect.poll(() => reset.getAttribute('data-step'), { timeout: 15_000 }).toBe('sign-in');
  const signIn = reset.locator('connect-sign-in');
  await signIn.locator('input[name="password"]').fill(STRONG);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => signIn.getAttribute('data-step'), { timeout: 15_000 }).toBe('done');
}

/**
 * Open the app under `localhost` instead of `127.0.0.1`: another origin, which the server does
 * not allow (the cross-origin trap docs/cors.md warns about). A request fails as `network_error`;
 * return the console warnings core printed about it.
 */
async function requestFromUnlistedOrigin(app: string): Promise<string[]> {
  const { page } = await newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('[connect-auth] No answer'))
      warnings.push(message.text());
  });
  await page.goto(`${app.replace('127.0.0.1', 'localhost')}/`);
  const lost = page.locator('connect-lost-password');
  await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
  await lost.getByLabel('Email address').fill('someone@example.com');
  await lost.getByRole('button', { name: 'Reset Password' }).click();
  await expect
    .poll(() => lost.locator('.connect-error-summary').getAttribute('data-code'), {
      timeout: 20_000,
    })
    .toBe('network_error');
  return warnings;
}

/** Run an app's `npm start` (or another script) on free ports; stopped after the suite. */
async function startApp(dir: string, script: string, env: NodeJS.ProcessEnv = {}) {
  const [apiPort, appPort] = [await freePort(), await freePort()];
  const api = `http://127.0.0.1:${apiPort}`;
  const app = `http://127.0.0.1:${appPort}`;
  const server = start('npm', ['run', script], {
    cwd: dir,
    env: { API_PORT: String(apiPort), APP_PORT: String(appPort), ...env },
  });
  cleanup.push(() => server.stop());
  await waitForHttp(`${api}/v1/password-policy`, server);
  await waitForHttp(`${app}/`, server);
  return { api, app, server };
}

async function serveDir(dir: string): Promise<string> {
  const port = await freePort();
  const server: Server = await serveStatic(dir, port);
  cleanup.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${port}`;
}

describe('the packages as users install them', () => {
  test('tarballs: what ships, and what does not', async () => {
    for (const name of PACKAGES) {
      const files = await tarballFiles(tarballs[name]);
      expect(files, name).toContain('package.json');
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('dist/index.js');
      expect(files, name).toContain('dist/index.d.ts');
      const testFiles = files.filter(
        (f) =>
          /\.test\.ts$|\.suite\.ts$|(^|\/)test\/|(^|\/)testing\.ts$|\.child\.ts$|(^|\/)suite\//.test(
            f,
          ) || f.endsWith('.tsbuildinfo'),
      );
      expect(testFiles, `${name}: tests or test helpers in the tarball`).toEqual([]);
      const manifest = JSON.parse(
        (await run('tar', ['-xzOf', tarballs[name], 'package/package.json'], { cwd: runDir }))
          .stdout,
      ) as Record<string, unknown>;
      expect(manifest.repository, name).toEqual({
        type: 'git',
        url: 'git+https://github.com/codelocks/connect-auth.git',
        directory: `packages/${name}`,
      });
      expect(manifest.homepage, name).toMatch(/^https:\/\/github\.com\/codelocks\/connect-auth/);
      expect(manifest.bugs, name).toEqual({
        url: 'https://github.com/codelocks/connect-auth/issues',
      });
      expect(JSON.stringify(manifest), name).not.toContain('workspace:');
      // Browser packages must not warn EBADENGINE on install; the server needs node:sqlite; the
      // conformance kit runs on the machine's Node 20 (tested by its packed-bin test).
      if (name === 'server') expect(manifest.engines).toEqual({ node: '>=24' });
      else if (name === 'conformance') expect(manifest.engines).toEqual({ node: '>=20' });
      else expect(manifest.engines, name).toBeUndefined();
      const readme = (
        await run('tar', ['-xzOf', tarballs[name], 'package/README.md'], { cwd: runDir })
      ).stdout;
      const relative = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1] ?? '')
        .filter((link) => !/^(https?:|mailto:|#)/.test(link));
      expect(relative, `${name}/README.md: links that break on the registry`).toEqual([]);
    }
  });

  test('esbuild: strict types, bundle, five tags defined and rendered', async () => {
    const dir = await installed.esbuild;
    await run('npm', ['run', 'typecheck'], { cwd: dir });
    await run('npm', ['run', 'build'], { cwd: dir });
    const bundle = await readFile(join(dir, 'dist/main.js'), 'utf8');
    say(`esbuild: dist/main.js ${bundle.length} bytes`);
    const { page, errors } = await newPage();
    await page.goto(`${await serveDir(dir)}/`);
    await expectTagsDefinedAndRendered(page);
    expect(errors).toEqual([]);
  });

  test('webpack 5: checkJs types, production build, five tags defined and rendered', async () => {
    const dir = await installed.webpack;
    await run('npm', ['run', 'typecheck'], { cwd: dir });
    const built = await run('npm', ['run', 'build'], { cwd: dir });
    expect(built.stdout).toContain('compiled successfully');
    const bundle = await readFile(join(dir, 'dist/main.js'), 'utf8');
    say(`webpack: dist/main.js ${bundle.length} bytes`);
    const { page, errors } = await newPage();
    await page.goto(`${await serveDir(dir)}/`);
    await expectTagsDefinedAndRendered(page);
    expect(errors).toEqual([]);
  });

  test('examples/react, production build (npm run start:production): tags, and the activation journey on another origin', async () => {
    const dir = await installed.react;
    await run('npm', ['run', 'typecheck'], { cwd: dir });
    const { api, app } = await startApp(dir, 'start:production');
    say(`react (production): app ${app}, API ${api}`);
    const { page, errors } = await newPage();
    await page.goto(`${app}/`);
    await expectTagsDefinedAndRendered(
      page,
      TAGS.filter((t) => t !== 'connect-reset-password'),
    );
    await activationJourney(page, app, api);
    const session = page.getByTestId('session');
    await expect.poll(() => session.textContent()).toBe(`Signed in as ${EMAIL}`);
    // Reload: the refresh cookie (on the API's origin, sent with credentials) resumes the session.
    await page.goto(`${app}/`);
    await expect
      .poll(() => session.textContent(), { timeout: 15_000 })
      .toBe(`Signed in as ${EMAIL}`);
    expect(errors).toEqual([]);
    // A production build stays silent about an origin the server does not allow.
    expect(await requestFromUnlistedOrigin(app)).toEqual([]);
  });

  test('examples/react, dev server (npm start): tags defined and rendered, a request reaches the API, an unlisted origin gets the development warning', async () => {
    const dir = await installed.react;
    const { api, app } = await startApp(dir, 'start');
    say(`react (dev server): app ${app}, API ${api}`);
    const { page, errors } = await newPage();
    await page.goto(`${app}/`);
    await expectTagsDefinedAndRendered(
      page,
      TAGS.filter((t) => t !== 'connect-reset-password'),
    );
    const lost = page.locator('connect-lost-password');
    await lost.getByLabel('Email address').fill('someone@example.com');
    await lost.getByRole('button', { name: 'Reset Password' }).click();
    await expect.poll(() => lost.getAttribute('data-step'), { timeout: 15_000 }).toBe('sent');
    await page.goto(`${app}/reset`);
    await expectTagsDefinedAndRendered(page, ['connect-reset-password']);
    expect(errors).toEqual([]);
    // In development the failure explains itself: one warning naming the server setting.
    const warnings = await requestFromUnlistedOrigin(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`--allowed-origins ${app.replace('127.0.0.1', 'localhost')}`);
    expect(warnings[0]).toContain('ALLOWED_ORIGINS');
  });

  test('examples/vue (npm run start:production): vue-tsc, build, tags defined and rendered', async () => {
    const dir = await installed.vue;
    await run('npm', ['run', 'typecheck'], { cwd: dir });
    const { app } = await startApp(dir, 'start:production');
    const { page, errors } = await newPage();
    await page.goto(`${app}/`);
    await expectTagsDefinedAndRendered(
      page,
      TAGS.filter((t) => t !== 'connect-reset-password'),
    );
    await page.goto(`${app}/reset`);
    await expectTagsDefinedAndRendered(page, ['connect-reset-password']);
    expect(errors).toEqual([]);
  });

  test('examples/vanilla (npm start, no build): the browser file, tags, and the activation journey on another origin', async () => {
    const dir = await installed.vanilla;
    await run('npm', ['run', 'typecheck'], { cwd: dir });
    const [apiPort, appPort] = [await freePort(), await freePort()];
    // The pages name the API in base-url: point them at this run's port, as a user would.
    for (const file of ['index.html', 'reset.html']) {
      const path = join(dir, file);
      const html = await readFile(path, 'utf8');
      expect(html).toContain('base-url="http://127.0.0.1:8787"');
      await writeFile(path, html.replaceAll('127.0.0.1:8787', `127.0.0.1:${apiPort}`));
    }
    const server = start('npm', ['start'], {
      cwd: dir,
      env: { API_PORT: String(apiPort), APP_PORT: String(appPort) },
    });
    cleanup.push(() => server.stop());
    const api = `http://127.0.0.1:${apiPort}`;
    const app = `http://127.0.0.1:${appPort}`;
    await waitForHttp(`${api}/v1/password-policy`, server);
    await waitForHttp(`${app}/`, server);
    const { page, errors } = await newPage();
    await page.goto(`${app}/`);
    const scripts = await page.evaluate(() =>
      [...document.scripts].map((s) => s.getAttribute('src')),
    );
    expect(scripts).toContain('/node_modules/@connect-auth/elements/dist/browser/all.js');
    await expectTagsDefinedAndRendered(
      page,
      TAGS.filter((t) => t !== 'connect-reset-password'),
    );
    await activationJourney(page, app, api);
    expect(await page.locator('#session').textContent()).toBe(`Signed in as ${EMAIL}`);
    expect(errors).toEqual([]);
  });

  test('examples/backend-verify (npm start): the route accepts the access token and refuses everything else', async () => {
    const dir = await installed['backend-verify'];
    await run('npm', ['run', 'typecheck'], { cwd: dir });
    // The server and core/node import jose by subpath: its index loads all 46 of its modules,
    // the subpaths they use 17–18 (~17 ms of the server's cold start). Every module the
    // installed packages load is listed.
    const loaded = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { registerHooks } from 'node:module';
const urls = [];
registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
await import('@connect-auth/server');
await import('@connect-auth/core/node');
console.log(JSON.stringify(urls));`,
      ],
      { cwd: dir },
    );
    const jose = (JSON.parse(loaded.stdout) as string[]).filter((url) => url.includes('/jose/'));
    expect(jose.length).toBeGreaterThan(0);
    expect(jose.filter((url) => url.endsWith('/dist/webapi/index.js'))).toEqual([]);
    const [apiPort, port] = [await freePort(), await freePort()];
    const example = start('npm', ['start'], {
      cwd: dir,
      env: { API_PORT: String(apiPort), PORT: String(port) },
    });
    cleanup.push(() => example.stop());
    const [, token = ''] = await example.waitFor(/Authorization: Bearer ([\w.-]+)'/, 60_000);
    expect(example.output()).toMatch(/with the access token: 200 \{"account":"[0-9a-f-]{36}"/);
    expect(example.output()).toContain('without a token: 401');
    const url = `http://127.0.0.1:${port}/api/me`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const tampered = `${token.slice(0, -4)}AAAA`;
    const refused = await fetch(url, { headers: { authorization: `Bearer ${tampered}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});
