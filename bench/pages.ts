/**
 * Navigation → interactive reset form in headless Chromium: the demo's reset page (the
 * `<connect-reset-password>` element, opened with a real emailed link) vs a hand-written baseline
 * page on the same server that also verifies the token (bench/pages/baseline.ts). The demo runs in
 * a process of its own (bench/pages/demo.child.ts); each navigation gets a fresh browser context
 * (empty cache), then the same link is opened again in that context (warm cache); a third series
 * runs under an emulated slow network. Ours and the baseline alternate, in ABBA order, after
 * warm-up rounds. Prints Markdown tables; asserts nothing.
 *
 *   pnpm bench pages   (BENCH_PAGES_ROUNDS, default 15; BENCH_PAGES_SLOW=0 skips the slow network)
 *
 * "Interactive" (the same definition for both pages): the first moment the document holds an
 * `input[name="password"]` that is enabled and rendered (`checkVisibility()`), checked in a
 * MutationObserver installed before any page script runs, so nothing polls the page while it
 * loads. The time is `performance.now()` then, i.e. milliseconds since the navigation started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../examples/demo/chromium.ts';
import { envCount, fmtSpread, mdTable, median, section } from './shared.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = envCount('BENCH_PAGES_ROUNDS', 15);
const WARMUP = 2;
const SLOW = process.env.BENCH_PAGES_SLOW !== '0';
/** Roughly DevTools' "Fast 3G": 1.6 Mbps down, 750 kbps up, 150 ms added to every request. */
const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 750e3 / 8,
};

/** Installed in every document before its scripts: marks "interactive" and says so once. */
const OBSERVER = `(() => {
  const ready = () => {
    const input = document.querySelector('input[name="password"]');
    return !!input && !input.disabled && input.checkVisibility();
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    const t = performance.now();
    performance.mark('interactive');
    window.__interactive = t;
    console.debug('bench:interactive');
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

interface Load {
  ms: number;
  requests: number;
  /** Bytes on the wire (encoded bodies and headers), per Resource Timing's transferSize. */
  transfer: number;
  /** Encoded (compressed, if it was) body bytes. */
  body: number;
  /** Decoded body bytes. */
  decoded: number;
  /** When the document's response ended, the last script arrived, and the verify request was sent and answered (ms). */
  documentEnd: number;
  scriptsEnd: number;
  verifySent: number;
  verifyEnd: number;
  urls: string[];
}

/** Navigate to `url` in `context` and wait for the page to report "interactive". */
async function measure(context: BrowserContext, url: string): Promise<Load> {
  const page = context.pages()[0] ?? (await context.newPage());
  const reached = page.waitForEvent('console', {
    predicate: (m) => m.text() === 'bench:interactive',
    timeout: 60_000,
  });
  await page.goto(url, { waitUntil: 'commit' });
  await reached;
  const load = await page.evaluate(() => {
    const t = (window as unknown as { __interactive: number }).__interactive;
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    const before = entries.filter((e) => e.startTime <= t);
    const sum = (f: (e: PerformanceResourceTiming) => number) =>
      before.reduce((n, e) => n + f(e), 0);
    const at = (f: (e: PerformanceResourceTiming) => boolean, k: 'startTime' | 'responseEnd') =>
      Math.max(0, ...before.filter(f).map((e) => e[k]));
    return {
      ms: t,
      documentEnd: at((e) => e.entryType === 'navigation', 'responseEnd'),
      scriptsEnd: at((e) => e.name.endsWith('.js'), 'responseEnd'),
      verifySent: at((e) => e.name.endsWith('/verify'), 'startTime'),
      verifyEnd: at((e) => e.name.endsWith('/verify'), 'responseEnd'),
      requests: before.length,
      transfer: sum((e) => e.transferSize),
      body: sum((e) => e.encodedBodySize),
      decoded: sum((e) => e.decodedBodySize),
      urls: before.map((e) => new URL(e.name).pathname),
    };
  });
  await page.goto('about:blank');
  return load;
}

type Kind = 'ours' | 'baseline';
type Condition = 'cold' | 'warm' | 'slow';
const samples: Record<Condition, Record<Kind, Load[]>> = {
  cold: { ours: [], baseline: [] },
  warm: { ours: [], baseline: [] },
  slow: { ours: [], baseline: [] },
};

/** One round for one page: cold navigation in a fresh context, then warm in the same context. */
async function round(browser: Browser, url: string): Promise<{ cold: Load; warm: Load }> {
  const context = await browser.newContext();
  await context.addInitScript(OBSERVER);
  try {
    const cold = await measure(context, url);
    const warm = await measure(context, url);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** A cold navigation in a fresh context under the slow network. */
async function slowRound(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext();
  await context.addInitScript(OBSERVER);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    return await measure(context, url);
  } finally {
    await context.close();
  }
}

function startServer(): Promise<{
  child: ChildProcess;
  ready: { link: string; baseline: string };
}> {
  const child = spawn(
    process.execPath,
    ['--conditions=@connect-auth/source', join(root, 'bench/pages/demo.child.ts')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve({ child, ready: JSON.parse(line) }),
    );
    child.once('exit', (code) => reject(new Error(`demo.child.ts exited ${code}`)));
  });
}

section(
  'Elements: navigation → interactive reset form (Chromium)',
  `The demo's reset page (\`<connect-reset-password>\`, opened with a real emailed link) vs a hand-written page on the same server with the same layout and stylesheet, a plain form and a small inline script that also verifies the token before enabling the form. "Interactive": the first moment an enabled, rendered \`input[name="password"]\` is in the document (a MutationObserver installed before the page's scripts; ms since navigation start). Headless Chromium (${CHROMIUM}), demo server in its own process on loopback; ${ROUNDS} interleaved rounds (ABBA) after ${WARMUP} warm-up rounds. Cold: a fresh browser context (empty cache) per navigation; warm: the same link again in that context; slow: cold under emulated ${FAST_3G.downloadThroughput / 125e3} Mbps down / ${FAST_3G.uploadThroughput / 125e3} Mbps up / ${FAST_3G.latency} ms added latency per request. Requests and bytes: what was fetched by the interactive moment (Resource Timing, the document included; on the wire = encoded bodies + headers).`,
);
if (!existsSync(CHROMIUM)) {
  console.log(`**SKIPPED — ${CHROMIUM} is missing.** Install it (scripts/setup.sh).`);
  process.exit(0);
}
const server = await startServer();
const urls: Record<Kind, string> = {
  ours: server.ready.link,
  baseline: server.ready.baseline,
};
const browser = await launchBrowser();
try {
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const order: Kind[] = i % 2 ? ['baseline', 'ours'] : ['ours', 'baseline'];
    for (const kind of order) {
      const { cold, warm } = await round(browser, urls[kind]);
      if (i < WARMUP) continue;
      samples.cold[kind].push(cold);
      samples.warm[kind].push(warm);
    }
    if (SLOW && i >= WARMUP) {
      for (const kind of order.reverse())
        samples.slow[kind].push(await slowRound(browser, urls[kind]));
    }
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const rows: string[][] = [];
for (const condition of ['cold', 'warm', 'slow'] as const) {
  const ours = samples[condition].ours;
  const base = samples[condition].baseline;
  if (!ours.length) continue;
  const ratio = median(ours.map((s) => s.ms)) / median(base.map((s) => s.ms));
  for (const [kind, list] of [
    ['ours', ours],
    ['baseline', base],
  ] as const) {
    rows.push([
      `${condition}, ${kind === 'ours' ? 'demo reset page (elements)' : 'hand-written baseline'}`,
      fmtSpread(
        list.map((s) => s.ms),
        0,
      ),
      kind === 'ours' ? `${ratio.toFixed(2)}×` : '1.00×',
      String(median(list.map((s) => s.requests))),
      kb(median(list.map((s) => s.transfer))),
      kb(median(list.map((s) => s.body))),
      kb(median(list.map((s) => s.decoded))),
      (['documentEnd', 'scriptsEnd', 'verifySent', 'verifyEnd'] as const)
        .map((k) =>
          k === 'scriptsEnd' && kind === 'baseline'
            ? '–'
            : median(list.map((s) => s[k])).toFixed(0),
        )
        .join(' / '),
    ]);
  }
}
console.log(
  mdTable(
    [
      '',
      'ms to interactive, min / median / max',
      'median ÷ baseline',
      'requests',
      'KB on the wire',
      'KB encoded bodies',
      'KB decoded',
      'median ms: document / scripts / verify sent / answered',
    ],
    rows,
  ),
);
const what = (kind: Kind) => samples.cold[kind][0]?.urls.join(', ') ?? '';
console.log(
  `\nFetched by the interactive moment (cold) — demo: ${what('ours')}; baseline: ${what('baseline')}.`,
);
