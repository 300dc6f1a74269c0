/**
 * Languages in Chromium. A page with `<html lang="fr">` and nothing but the elements' bundle (no
 * app code) shows the French forms on its first render, the French strings loaded as their own
 * chunk; a French account's reset mail arrives in the dev inbox in French with a working link and
 * code; and the forms lay out right to left under `dir="rtl"` with a pseudo-locale.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createConnectClient } from '@connect-auth/core';
import { importLegacyAccounts } from '@connect-auth/server';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, inbox, launchBrowser, openPage, snap } from './browser.ts';
import { type DemoFixture, freshDemo } from './fixture.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const STRONG = 'Violet-Harbour-42';

/** The elements' bundle as an app's bundler makes it: `all` (and `index`), code-split, minified. */
async function bundleElements(): Promise<{
  files: Map<string, Uint8Array>;
  chunkOf: Map<string, string>;
}> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    stdin: undefined,
    entryPoints: {
      all: join(REPO_ROOT, 'packages/elements/src/all.ts'),
      index: join(REPO_ROOT, 'packages/elements/src/index.ts'),
    },
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    conditions: ['@connect-auth/source'],
    outdir: join(REPO_ROOT, '.data/locale-test'),
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) files.set(`/${file.path.split('/').pop()}`, file.contents);
  // Which output holds each locale's table (e.g. 'fr' → '/chunk-ABC.js').
  const chunkOf = new Map<string, string>();
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    for (const input of Object.keys(meta.inputs)) {
      const tag = /strings\/(de|en-US|es|fr|it|nl)\.ts$/.exec(input)?.[1];
      if (tag) chunkOf.set(tag, `/${out.split('/').pop()}`);
    }
  }
  return { files, chunkOf };
}

/** A plain static server: `/` is the given page, the rest the bundle's files. */
async function serveStatic(files: Map<string, Uint8Array>, pages: Record<string, string>) {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages[path];
    const file = files.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (file) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(file);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

// Records the text of every form heading the moment it first appears (before any later render).
const FIRST_HEADINGS = `<script>
window.firstHeadings = [];
const seen = new WeakSet();
new MutationObserver(() => {
  for (const h of document.querySelectorAll('.connect-heading')) {
    if (!seen.has(h)) { seen.add(h); window.firstHeadings.push(h.textContent.trim()); }
  }
}).observe(document.documentElement, { subtree: true, childList: true });
</script>`;

const FORMS =
  '<connect-lost-password></connect-lost-password><connect-sign-in></connect-sign-in><connect-register></connect-register>';

const page = (lang: string, dir: string, script: string) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Connect</title><link rel="icon" href="data:,">${FIRST_HEADINGS}
${script}</head><body><main style="max-width:40rem;margin:0 auto">${FORMS}</main></body></html>`;

// The pseudo-locale: every English string wrapped in RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL
// FORMATTING, so it reads right to left like Arabic or Hebrew would (Chromium's own ar-XB trick).
const PSEUDO_RTL = `<script type="module">
import { en, registerTranslation } from '/index.js';
registerTranslation('ar-XB', Object.fromEntries(Object.entries(en).map(([id, text]) => [id, '\\u202e' + text + '\\u202c'])));
await import('/all.js');
</script>`;

describe.skipIf(!hasChromium)('languages in Chromium', () => {
  let browser: Browser;
  let fixture: DemoFixture;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let chunkOf: Map<string, string>;

  beforeAll(async () => {
    const bundle = await bundleElements();
    chunkOf = bundle.chunkOf;
    site = await serveStatic(bundle.files, {
      '/': page('fr', 'ltr', '<script type="module" src="/all.js"></script>'),
      '/rtl': page('ar-XB', 'rtl', PSEUDO_RTL),
      '/ltr': page('en', 'ltr', PSEUDO_RTL),
    });
    [browser, fixture] = await Promise.all([launchBrowser(), freshDemo()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await fixture?.dispose();
  });

  test('<html lang="fr"> and no app code: French forms on the first render, French strings as their own chunk', async () => {
    expect([...chunkOf.keys()].sort()).toEqual(['de', 'en-US', 'es', 'fr', 'it', 'nl']);
    expect(new Set(chunkOf.values()).size).toBe(6); // one chunk per language
    const { page: tab, errors, close } = await openPage(browser);
    const scripts: string[] = [];
    tab.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await tab.goto(site.url);
    const lost = tab.locator('connect-lost-password');
    await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
    await expect
      .poll(() =>
        tab.evaluate(() => (window as unknown as { firstHeadings: string[] }).firstHeadings.length),
      )
      .toBe(3);
    // The first text each heading ever showed was French: no English flash.
    expect(
      await tab.evaluate(() => (window as unknown as { firstHeadings: string[] }).firstHeadings),
    ).toEqual(['Mot de passe oublié', 'Connexion', 'Créer un nouveau compte']);
    expect((await lost.getByRole('button').first().textContent())?.trim()).toBe(
      'Réinitialiser le mot de passe',
    );
    expect(await lost.getByLabel('Adresse e-mail').count()).toBe(1);
    expect(
      await tab.locator('connect-sign-in').getByRole('button', { name: 'Se connecter' }).count(),
    ).toBe(1);
    // French came as its own chunk, after the entry; no other language was fetched.
    expect(scripts[0]).toBe('/all.js');
    expect(scripts).toContain(chunkOf.get('fr'));
    for (const tag of ['de', 'en-US', 'es', 'it', 'nl'])
      expect(scripts).not.toContain(chunkOf.get(tag));
    await snap(tab, 'locale-fr-first-load');
    expect(errors).toEqual([]);
    await close();
  });

  test('a French account’s reset mail arrives in French, with a link and a code that work', async () => {
    const { demo } = fixture;
    const email = 'elodie.martin@example.fr';
    await importLegacyAccounts(
      demo.server.store,
      `email,name,locale\n${email},Élodie Martin,fr\n`,
      new Date(),
    );
    const client = createConnectClient({ baseUrl: demo.url, retry: false });
    await client.requestPasswordReset({ email });
    const [mail] = await inbox(demo, email);
    expect(mail?.language).toBe('fr');
    expect(mail?.subject).toBe(
      'Demande de réinitialisation du mot de passe pour Codelocks Connect',
    );
    expect(mail?.text).toContain('Activez votre compte Codelocks Connect');
    expect(mail?.text).toContain('Si le lien ne s’ouvre pas, saisissez plutôt ce code');
    expect(mail?.text).toContain(mail?.link ?? '(no link)');
    expect(mail?.text).toContain(`    ${mail?.code}\n`);

    // The link opens the reset form for the account (in French, with ?lang=fr on the demo page).
    const { page: tab, errors, close } = await openPage(browser);
    const link = new URL(mail?.link ?? '');
    link.search = '?lang=fr';
    await tab.goto(link.href);
    const reset = tab.locator('connect-reset-password');
    await expect.poll(() => reset.getAttribute('data-step')).toBe('form');
    expect(await reset.locator('[data-part="account"]').textContent()).toContain(email);
    expect(await reset.locator('.connect-heading').textContent()).toBe('Activer votre compte');
    expect(await reset.getByRole('button', { name: 'Enregistrer' }).count()).toBe(1);
    await snap(tab, 'locale-fr-reset-form');
    expect(errors).toEqual([]);
    await close();

    // The code saves the password (the link was only checked, never used up).
    expect(
      await client.completePasswordReset({ email, code: mail?.code ?? '', password: STRONG }),
    ).toMatchObject({ status: 'password_changed', activated: true });
    const [notice] = await inbox(demo, email);
    expect(notice?.subject).toBe('Votre compte Codelocks Connect est actif');
  });

  /** Edges of the parts whose side depends on the direction. */
  async function layout(tab: Page) {
    return tab.evaluate(() => {
      const box = (el: Element | null | undefined) => el?.getBoundingClientRect() ?? null;
      const lost = document.querySelector('connect-lost-password');
      const heading = lost?.querySelector('.connect-heading');
      const range = document.createRange();
      if (heading) range.selectNodeContents(heading);
      const register = document.querySelector('connect-register');
      const summary = lost?.querySelector('.connect-error-summary ul');
      return {
        host: box(lost),
        headingText: range.getBoundingClientRect(),
        submit: box(lost?.querySelector('button[type="submit"]')),
        input: box(register?.querySelector('input[name="password"]')),
        toggle: box(register?.querySelector('.connect-password__toggle')),
        listPadding: summary
          ? [getComputedStyle(summary).paddingLeft, getComputedStyle(summary).paddingRight]
          : null,
      };
    });
  }

  test('dir="rtl" with a pseudo-locale: every form mirrors (logical CSS only)', async () => {
    const { page: tab, errors, close } = await openPage(browser);
    const measured: Record<string, Awaited<ReturnType<typeof layout>>> = {};
    for (const path of ['/rtl', '/ltr']) {
      await tab.goto(`${site.url}${path}`);
      const lost = tab.locator('connect-lost-password');
      await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
      const heading = await lost.locator('.connect-heading').textContent();
      if (path === '/rtl') expect(heading).toMatch(/^\u202e.*\u202c$/);
      else expect(heading).toBe('Lost Password');
      // Submit without a configured service: the error summary (a list) appears.
      await lost.locator('input[name="email"]').fill('owner@example.com');
      await lost.locator('button[type="submit"]').click();
      await expect.poll(() => lost.locator('.connect-error-summary').count()).toBe(1);
      measured[path] = await layout(tab);
      await snap(tab, `locale-${path.slice(1)}`);
    }
    const rtl = measured['/rtl'];
    const ltr = measured['/ltr'];
    if (
      !rtl?.host ||
      !rtl.submit ||
      !rtl.input ||
      !rtl.toggle ||
      !ltr?.host ||
      !ltr.submit ||
      !ltr.input ||
      !ltr.toggle
    ) {
      throw new Error('a measured part is missing');
    }
    const near = (a: number, b: number) => Math.abs(a - b) <= 2;
    // Right to left: text and the submit button start at the right edge, the password toggle
    // sits to the left of its input, the error list is indented from the right.
    expect(near(rtl.headingText.right, rtl.host.right), 'heading text at the right').toBe(true);
    expect(rtl.headingText.left).toBeGreaterThan(rtl.host.left + 20);
    expect(near(rtl.submit.right, rtl.host.right), 'submit button at the right').toBe(true);
    expect(rtl.toggle.right).toBeLessThanOrEqual(rtl.input.left + 1);
    expect(rtl.listPadding?.[0]).toBe('0px');
    expect(rtl.listPadding?.[1]).not.toBe('0px');
    // And the same page left to right is the mirror image (so the checks above can fail).
    expect(near(ltr.headingText.left, ltr.host.left)).toBe(true);
    expect(near(ltr.submit.left, ltr.host.left)).toBe(true);
    expect(ltr.toggle.left).toBeGreaterThanOrEqual(ltr.input.right - 1);
    expect(ltr.listPadding?.[1]).toBe('0px');
    expect(errors).toEqual([]);
    await close();
  });
});
