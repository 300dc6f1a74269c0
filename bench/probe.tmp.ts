import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { launchBrowser } from '../examples/demo/chromium.ts';

const child = spawn(
  process.execPath,
  ['--conditions=@connect-auth/source', 'bench/pages/demo.child.ts'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const ready = await new Promise<{ link: string; baseline: string }>((r) =>
  createInterface({ input: child.stdout }).once('line', (l) => r(JSON.parse(l))),
);
const browser = await launchBrowser();
for (let i = 0; i < 3; i++)
  for (const url of [ready.link, ready.baseline]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForSelector('input[name="password"]:not([disabled])');
    await page.waitForTimeout(300);
    const rows = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .map((e) => {
          const r = e as PerformanceResourceTiming;
          return `${new URL(r.name).pathname.slice(0, 30).padEnd(30)} start ${r.startTime.toFixed(0).padStart(5)} reqStart ${r.requestStart.toFixed(0).padStart(5)} respStart ${r.responseStart.toFixed(0).padStart(5)} end ${r.responseEnd.toFixed(0).padStart(5)}`;
        })
        .join('\n'),
    );
    const paint = await page.evaluate(() =>
      JSON.stringify(
        performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)]),
      ),
    );
    if (i === 2) console.log(rows, paint, '\n');
    await ctx.close();
  }
await browser.close();
child.kill();
