/**
 * Helpers of the browser tests: launch Debian's Chromium through playwright-core, open pages that
 * record every console error, run axe-core, save screenshots, read the dev inbox.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM } from '../chromium.ts';
import type { Demo } from '../demo.ts';

export { CHROMIUM, launchBrowser } from '../chromium.ts';

/** Whether the browser tests can run; when not, say why, loudly. */
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `[e2e] SKIPPED: ${CHROMIUM} is missing, so the browser tests cannot run. Install it with \`sudo apt-get install chromium\` (scripts/setup.sh does this).`,
  );
}

/** Where screenshots and the axe report go (git-ignored). */
export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results/e2e');

/** A page and the problems it reported. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and 5xx answers, in order. */
  errors: string[];
  /** Expected API refusals (4xx from /v1/*), which Chromium also logs as console errors. */
  apiRefusals: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (no cookies) with one page whose console errors, uncaught errors and
 * server errors are collected. Chromium logs every 4xx answer as a console error ("Failed to load
 * resource"); those from the API (`/v1/*`) are the contract's expected refusals (weak password,
 * expired link…) that the elements show, so they are kept apart in `apiRefusals`.
 *
 * @example
 * ```ts
 * const { page, errors } = await openPage(browser);
 * await page.goto(demo.url);
 * expect(errors).toEqual([]);
 * ```
 */
export async function openPage(
  browser: Browser,
  viewport = { width: 1000, height: 900 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  const apiRefusals: string[] = [];
  // Listened to on the context, so tabs the test opens later are watched too.
  context.on('console', (message) => {
    if (message.type() === 'warning') console.log(`[browser warning] ${message.text()}`);
    if (message.type() !== 'error') return;
    const where = message.location().url ?? '';
    const status = /status of (\d{3})/.exec(message.text())?.[1];
    if (status?.startsWith('4') && new URL(where, 'http://x').pathname.startsWith('/v1/')) {
      apiRefusals.push(`${status} ${new URL(where).pathname}`);
      return;
    }
    errors.push(`console.error: ${message.text()} (${where})`);
  });
  context.on('weberror', (error) => errors.push(`pageerror: ${error.error().message}`));
  context.on('response', (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { page, errors, apiRefusals, close: () => context.close() };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe violation, trimmed for the report. */
export interface AxeFinding {
  step: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Every finding of this test process, of any impact (written to `axe-report.json`). */
export const axeFindings: AxeFinding[] = [];

/**
 * Run axe-core (WCAG 2.0/2.1 A and AA, best practices) on the page as it is now; record every
 * violation and return them. axe is injected with `page.evaluate` (the DevTools protocol), not a
 * `<script>` tag, so the demo's strict Content-Security-Policy stays on during the test.
 *
 * @example
 * ```ts
 * const found = await runAxe(page, 'reset form');
 * expect(seriousOrWorse(found)).toEqual([]);
 * ```
 */
export async function runAxe(page: Page, step: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations, incomplete } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    })) as {
      incomplete: Array<{ id: string; nodes: unknown[] }>;
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    };
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      })),
      incomplete: result.incomplete.map((v) => `${v.id} ×${v.nodes.length}`),
    };
  });
  const findings = violations.map((v) => ({ step, ...v }));
  axeFindings.push(...findings);
  for (const f of findings) {
    console.log(`[axe] ${step}: ${f.impact} ${f.id} (${f.help}) at ${f.targets.join(', ')}`);
  }
  if (findings.length === 0) console.log(`[axe] ${step}: no violations`);
  // "Needs review" results (axe could not decide, e.g. contrast over a gradient): printed only.
  if (incomplete.length > 0) console.log(`[axe] ${step}: needs review: ${incomplete.join(', ')}`);
  return findings;
}

/**
 * The violations that fail the build: impact `serious` or `critical`.
 *
 * @example
 * ```ts
 * expect(seriousOrWorse(await runAxe(page, 'sign-in'))).toEqual([]);
 * ```
 */
export function seriousOrWorse(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/**
 * Append this file's axe findings to `test-results/e2e/axe-report.json`.
 *
 * @example
 * ```ts
 * afterAll(() => writeAxeReport('journey'));
 * ```
 */
export function writeAxeReport(file: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `axe-${file}.json`);
  writeFileSync(path, `${JSON.stringify(axeFindings, null, 2)}\n`);
}

/**
 * Save a full-page screenshot as `test-results/e2e/<name>.png` (e.g. `01-lost-password`).
 *
 * @example
 * ```ts
 * await snap(page, '03-reset-form');
 * ```
 */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * The page's width against the viewport's: `scrollWidth > innerWidth` means the user has to
 * scroll sideways.
 *
 * @example
 * ```ts
 * const { scrollWidth, innerWidth } = await widths(page);
 * expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
 * ```
 */
export function widths(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** A mail as the dev inbox lists it (the fields these tests read). */
export interface InboxMail {
  to: string;
  template: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  language?: string;
  link?: string;
  code?: string;
}

/**
 * The mails to `email`, newest first, once every queued mail has been handled.
 *
 * @example
 * ```ts
 * const [newest] = await inbox(demo, 'owner@example.com');
 * await page.goto(newest.link);
 * ```
 */
export async function inbox(demo: Demo, email: string): Promise<InboxMail[]> {
  await demo.settled();
  const response = await fetch(`${demo.url}/dev/mail?to=${encodeURIComponent(email)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InboxMail[];
}

/**
 * The link of the newest mail to `email` of one template; fails the test when there is none.
 *
 * @example
 * ```ts
 * const link = await newestLink(demo, demo.account.email, 'account_activation');
 * ```
 */
export async function newestLink(demo: Demo, email: string, template: string): Promise<string> {
  const mail = (await inbox(demo, email)).find((m) => m.template === template);
  expect(mail?.link, `a ${template} mail to ${email} in the dev inbox`).toBeTruthy();
  return mail?.link as string;
}

/**
 * Call the demo's API directly (a JSON POST), as another device or a mail scanner would.
 *
 * @example
 * ```ts
 * await api(demo, '/v1/password-resets', { email: 'owner@example.com' });
 * ```
 */
export async function api(demo: Demo, path: string, body: unknown): Promise<Response> {
  return fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * The token in a mailed link's fragment.
 *
 * @example
 * ```ts
 * tokenOf('http://127.0.0.1:8787/reset#token=abc'); // 'abc'
 * ```
 */
export function tokenOf(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';
}
