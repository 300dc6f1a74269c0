// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINE_ENTRIES, DIST, PACKAGE_DIR, REPO_ROOT, requireBuilt, TAGS } from './dist.ts';

/**
 * The no-build browser files (`dist/browser`) on a static page in headless Chromium, served as
 * a CDN would serve the package: no bundler, no import map. Each file must define the tags it
 * promises and render them; inside a shadow root the styles must apply (computed style); core's
 * common-password list must not load up front.
 */
const CHROMIUM = '/usr/bin/chromium';

/**
 * `/node_modules/<package>/<file>` as a flat npm install would serve it, from the workspace: the
 * two Connect packages, and their dependencies where pnpm put them.
 */
function packageDir(name: string): string | undefined {
  if (name === '@connect-auth/elements') return PACKAGE_DIR;
  if (name === '@connect-auth/core') return join(REPO_ROOT, 'packages/core');
  return [
    join(PACKAGE_DIR, 'node_modules', name),
    join(REPO_ROOT, 'packages/core/node_modules', name),
    join(REPO_ROOT, 'node_modules/.pnpm/node_modules', name),
  ].find((dir) => existsSync(dir));
}

async function serveNodeModules(path: string, response: ServerResponse): Promise<void> {
  const parts = path.split('/');
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  const dir = packageDir(name);
  try {
    if (!dir) throw new Error('no package');
    const body = await readFile(join(dir, path.slice(name.length + 1)));
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}

/** The import-map recipe of docs/elements.md, verbatim. */
function importMapRecipe(): string {
  const docs = readFileSync(join(REPO_ROOT, 'docs/elements.md'), 'utf8');
  const block = [...docs.matchAll(/^```html\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1] ?? '')
    .find((html) => html.includes('type="importmap"'));
  if (!block) throw new Error('docs/elements.md has no import-map recipe');
  return block;
}

let server: Server;
let origin = '';
let browser: Browser;
const pages = new Map<string, string>();
/** Paths requested from the static server, in order. */
const requested: string[] = [];

beforeAll(async () => {
  requireBuilt('browser/all.js');
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const page = pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const file = normalize(path).replace(/^\/+/, '');
    if (file.startsWith('node_modules/')) {
      await serveNodeModules(file.slice('node_modules/'.length), response);
      return;
    }
    if (!file.startsWith('browser/')) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(DIST, file));
      const type = file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Open a static page that loads `script` (a dist/browser file) and return the page. */
async function open(path: string, script: string, body = '') {
  pages.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"></head><body>${body}${script ? `<script type="module" src="${script}"></script>` : ''}</body></html>`,
  );
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // The forms may ask the (absent) API for its password policy: not this test's concern.
    if (message.type() === 'error' && !message.location().url.includes('/api/')) {
      errors.push(message.text());
    }
  });
  requested.length = 0;
  await page.goto(origin + path);
  return { page, errors };
}

const tagsMarkup = (tags: readonly string[]): string =>
  tags.map((tag) => `<${tag} base-url="/api/"></${tag}>`).join('');

describe('dist/browser in Chromium (no bundler)', { timeout: 30_000 }, () => {
  it('all.js alone defines and renders all seven tags, the password list stays lazy', async () => {
    const { page, errors } = await open('/all.html', '/browser/all.js', tagsMarkup(TAGS));
    await page.waitForFunction(() => customElements.get('connect-register') !== undefined);
    const state = await page.evaluate(async (tags) => {
      const out: Record<string, { defined: boolean; rendered: boolean; light: boolean }> = {};
      for (const tag of tags) {
        const el = document.querySelector(tag) as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        await el.updateComplete;
        out[tag] = {
          defined: customElements.get(tag) !== undefined,
          rendered: el.querySelector('input, .connect-heading') !== null,
          light: el.shadowRoot === null,
        };
      }
      return out;
    }, TAGS);
    for (const tag of TAGS)
      expect(state[tag], tag).toEqual({ defined: true, rendered: true, light: true });
    const early = requested.filter((p) => p.startsWith('/browser/'));
    expect(early[0]).toBe('/browser/all.js');
    // Besides the file itself only the English after-answer texts, a lazy chunk the forms fetch
    // as they connect; never the password list before a new password is typed.
    for (const path of early.slice(1)) expect(path).toMatch(/^\/browser\/chunks\/en-errors-/);
    // Typing a new password loads the list, relative to the file: dist/browser/chunks/.
    await page.locator('connect-register input[name="password"]').fill('password1');
    await expect
      .poll(() => requested.filter((p) => p.startsWith('/browser/chunks/common-passwords')))
      .toHaveLength(1);
    await expect
      .poll(() => page.locator('connect-register .connect-rule[data-state="unmet"]').count())
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [entry, tags] of Object.entries(DEFINE_ENTRIES)) {
    if (entry === 'all') continue;
    it(`${entry}.js alone defines exactly ${tags.join(', ')}`, async () => {
      const { page, errors } = await open(
        `/${entry}.html`,
        `/browser/${entry}.js`,
        tagsMarkup(tags),
      );
      const last = tags.at(-1) as string;
      await page.waitForFunction((tag) => customElements.get(tag) !== undefined, last);
      const defined = await page.evaluate(
        (all) => all.filter((tag) => customElements.get(tag) !== undefined),
        [...TAGS],
      );
      expect(defined).toEqual(TAGS.filter((t) => tags.includes(t)));
      const rendered = await page.evaluate(
        (tag) => document.querySelector(tag)?.querySelector('input, .connect-heading') != null,
        last,
      );
      expect(rendered).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the import-map recipe of docs/elements.md loads the unbundled dist/ from node_modules', async () => {
    const { page, errors } = await open('/import-map.html', '', importMapRecipe());
    await page.waitForFunction(() => customElements.get('connect-register') !== undefined);
    const defined = await page.evaluate(
      (all) => all.filter((tag) => customElements.get(tag) !== undefined),
      [...TAGS],
    );
    expect(defined).toEqual([...TAGS]);
    const rendered = await page.evaluate(async () => {
      const el = document.querySelector('connect-reset-password') as HTMLElement & {
        updateComplete: Promise<unknown>;
      };
      await el.updateComplete;
      return el.querySelector('.connect-heading') !== null;
    });
    expect(rendered).toBe(true);
    // The unbundled files, not the browser build.
    expect(requested).toContain('/node_modules/@connect-auth/elements/dist/all.js');
    expect(requested.filter((p) => p.startsWith('/browser/'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('styles reach elements rendered inside a shadow root; theming properties inherit', async () => {
    const { page, errors } = await open(
      '/shadow.html',
      '/browser/all.js',
      `<div id="host" style="--connect-color-accent: rgb(1, 2, 3)"></div>
       <connect-sign-in id="outside" base-url="/api/"></connect-sign-in>`,
    );
    await page.waitForFunction(() => customElements.get('connect-sign-in') !== undefined);
    const styles = await page.evaluate(async () => {
      const host = document.getElementById('host') as HTMLElement;
      const shadow = host.attachShadow({ mode: 'open' });
      // What a Lit/Stencil/Angular host looks like: its own styles in the shadow root.
      shadow.innerHTML = '<style>p { margin: 0 }</style>';
      const inner = document.createElement('connect-sign-in') as HTMLElement & {
        updateComplete: Promise<unknown>;
      };
      inner.setAttribute('base-url', '/api/');
      shadow.append(inner);
      await inner.updateComplete;
      const form = inner.querySelector('.connect-form') as HTMLElement;
      const button = inner.querySelector('.connect-button') as HTMLElement;
      const input = inner.querySelector('input') as HTMLInputElement;
      const styleOf = (el: Element) => getComputedStyle(el);
      return {
        formDisplay: styleOf(form).display,
        buttonBackground: styleOf(button).backgroundColor,
        inputInShadow: input.getRootNode() === shadow,
        innerShadowRoot: inner.shadowRoot === null,
        adopted: shadow.adoptedStyleSheets.length,
        styleElements: shadow.querySelectorAll('style').length,
        documentStyles: document.head.querySelectorAll('style[data-connect-auth]').length,
      };
    });
    expect(styles).toEqual({
      formDisplay: 'grid',
      buttonBackground: 'rgb(1, 2, 3)',
      inputInShadow: true,
      innerShadowRoot: true,
      adopted: 2,
      styleElements: 1,
      documentStyles: 2,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
