/**
 * Server throughput over loopback HTTP, with the server, the load generator and the raw argon2id
 * probe each in a process of its own (`bench/server/*.child.ts`). For SQLite and PostgreSQL, at
 * 1 / 4 / 16 connections, interleaved rounds of: reset request (known and unknown address),
 * verify token, sign-in (right and wrong password), refresh; each sign-in figure is paired with
 * the raw argon2id verify rate measured right before it. Then the cheap route (JWKS) alone and
 * under 16 connections of sign-in, beside a bare `node:http` server's floor (alone, and beside
 * nonstop hashing); the event loop's CPU per sign-in, warm and after idle waits; and cold start
 * and idle RSS of the packed CLI vs a bare `node:http` server. On request (`BENCH_PARTS=trace`),
 * where the cheap route's time goes under sign-in load, request by request. Prints Markdown
 * tables; asserts nothing.
 *
 *   pnpm bench:server   (BENCH_SECONDS, BENCH_ROUNDS, BENCH_STORES=sqlite,postgres, BENCH_PARTS to change)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { KNOWN, PASSWORD, SESSION_ACCOUNTS } from './server/bench-server.ts';
import type { LoadResult, LoadSpec } from './server/load.child.ts';
import type { ServerTrace } from './server/trace-requests.ts';
import {
  envCount,
  envList,
  envSeconds,
  fmtSpread,
  mdTable,
  median,
  quantile,
  section,
} from './shared.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'bench/server');
const node = process.execPath;
const SECONDS = envSeconds('BENCH_SECONDS', 2);
const ROUNDS = envCount('BENCH_ROUNDS', 2);
const STORES = envList('BENCH_STORES', ['sqlite', 'postgres'] as const);
const CONNECTIONS = [1, 4, 16];
// `trace` is not in the default run: a diagnosis, not a goal's figure.
const PARTS: string[] = envList(
  'BENCH_PARTS',
  ['http', 'cheap', 'loop', 'cold', 'trace'] as const,
  ['http', 'cheap', 'loop', 'cold'],
);
const SOURCE = '--conditions=@connect-auth/source';

/** Start a child and resolve with its first stdout line parsed as JSON. */
function startChild(args: string[], env?: Record<string, string>) {
  const child = spawn(node, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: env ? { ...process.env, ...env } : process.env,
  });
  const first = new Promise<Record<string, unknown>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
  return { child, first };
}
const runChild = async <T>(args: string[]): Promise<T> => (await startChild(args).first) as T;
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const load = (spec: LoadSpec) =>
  runChild<LoadResult>([join(here, 'load.child.ts'), JSON.stringify(spec)]);
const hashRate = () =>
  runChild<{ rate: number; ms: number }>([
    join(here, 'hash-rate.child.ts'),
    String(Math.min(SECONDS, 1.5)),
  ]);

const signIn = JSON.stringify({ email: 'bench@example.com', password: PASSWORD });
const wrong = JSON.stringify({ email: 'bench@example.com', password: 'Harbour-Lantern-43' });
const sessionSignIns = Array.from({ length: SESSION_ACCOUNTS }, (_, i) =>
  JSON.stringify({ email: `session-${i}@example.com`, password: PASSWORD }),
);

/** The cheap route the JWKS probe asks for. */
const JWKS_PATH = '/.well-known/jwks.json';

/** The JWKS probe: 1 connection at 200 req/s; `extra` picks the raw socket, tracing, a start. */
const jwksProbeSpec = (
  url: string,
  extra: Pick<LoadSpec, 'rawSocket' | 'trace' | 'startAt'> = {},
): LoadSpec => ({
  url,
  connections: 1,
  seconds: SECONDS,
  method: 'GET',
  path: JWKS_PATH,
  expect: 200,
  rate: 200,
  ...extra,
});

/** 16 connections signing in (right password) as fast as they can, from `startAt` on. */
const signInLoad = (url: string, startAt: number): LoadSpec => ({
  url,
  connections: 16,
  seconds: SECONDS,
  method: 'POST',
  path: '/v1/sessions',
  bodies: [signIn],
  expect: 200,
  startAt,
});

/** Our JWKS answer, body and headers, for a bare server to send as is. */
async function jwksAnswer(url: string): Promise<{ body: string; headers: Record<string, string> }> {
  const jwks = await fetch(`${url}${JWKS_PATH}`);
  return {
    body: await jwks.text(),
    headers: Object.fromEntries(
      [...jwks.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
    ),
  };
}

interface Scenario {
  name: string;
  spec: (url: string, token: string) => Omit<LoadSpec, 'connections' | 'seconds' | 'url'>;
  paired?: boolean;
}
type Body = Pick<LoadSpec, 'bodies' | 'emails' | 'mixed' | 'chain'>;
/** One POST scenario: its route, the status every answer must have and where bodies come from. */
const post = (
  name: string,
  path: string,
  expect: number,
  body: (token: string) => Body,
  paired?: boolean,
): Scenario => ({
  name,
  spec: (_, token) => ({ method: 'POST', path, expect, ...body(token) }),
  paired,
});
const RESETS = '/v1/password-resets';
const scenarios: Scenario[] = [
  post('reset request, known address', RESETS, 202, () => ({
    emails: { prefix: 'known-', count: KNOWN },
  })),
  post('reset request, unknown address', RESETS, 202, () => ({
    emails: { prefix: 'nobody-', count: 5000 },
  })),
  post('reset request, mixed 50/50 (timing gap)', RESETS, 202, () => ({
    mixed: ['known-', 'nobody-'],
  })),
  post('verify reset token', `${RESETS}/verify`, 200, (token) => ({
    bodies: [JSON.stringify({ token })],
  })),
  post('sign-in, right password', '/v1/sessions', 200, () => ({ bodies: [signIn] }), true),
  post('sign-in, wrong password', '/v1/sessions', 401, () => ({ bodies: [wrong] }), true),
  post('refresh', '/v1/sessions/refresh', 200, () => ({ chain: { signIn: [signIn] } })),
  // Real traffic refreshes many accounts' sessions; one account's rotations queue on its row lock.
  post('refresh, one account per connection', '/v1/sessions/refresh', 200, () => ({
    chain: { signIn: sessionSignIns },
  })),
];

// Comma-separated substrings, e.g. `refresh,verify`: a ratio's two routes then run interleaved.
const only = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean);
if (only?.length)
  scenarios.splice(
    0,
    scenarios.length,
    ...scenarios.filter((s) => only.some((part) => s.name.includes(part))),
  );
if (only?.length && scenarios.length === 0) {
  process.stderr.write(
    `BENCH_SCENARIOS=${JSON.stringify(process.env.BENCH_SCENARIOS)} matches no scenario (e.g. refresh, verify, sign-in, reset request).\n`,
  );
  process.exit(2);
}

interface Sample extends LoadResult {
  raw?: number;
}
const cores = availableParallelism();
if (PARTS.includes('http'))
  section(
    'Server: throughput over loopback HTTP',
    `Server, load generator (keep-alive HTTP/1.1, next request as soon as the answer is read) and raw argon2id probe in separate processes; ${cores} cores; ${SECONDS} s per sample, ${ROUNDS} interleaved rounds (min / median / max of req/s over rounds; p50 and p99 in ms, median over rounds). "raw" is \`@node-rs/argon2\` verify with ${cores} in flight, measured right before each sign-in sample; "× raw" = sign-in req/s ÷ that raw rate (median of the per-round ratios). "generator CPU": the load generator's own CPU time per second (median), taken from the ${cores} cores the server shares with it — the raw probe ran alone.`,
  );
for (const storeName of PARTS.includes('http') ? STORES : []) {
  const server = startChild([SOURCE, join(here, 'server.child.ts'), storeName]);
  const ready = (await server.first) as { url?: string; token?: string; skip?: string };
  if (ready.skip || !ready.url || !ready.token) {
    console.log(
      `**${storeName}: SKIPPED — ${ready.skip ?? 'server did not start'}.** Start PostgreSQL (scripts/setup.sh) or set TEST_DATABASE_URL.\n`,
    );
    await stop(server.child);
    continue;
  }
  const results = new Map<string, Sample[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      for (const s of round % 2 ? [...scenarios].reverse() : scenarios) {
        const raw = s.paired ? (await hashRate()).rate : undefined;
        const r = await load({
          url: ready.url,
          connections,
          seconds: SECONDS,
          ...s.spec(ready.url, ready.token),
        });
        const bad = Object.entries(r.statuses).filter(
          ([code]) => Number(code) !== s.spec('', '').expect,
        );
        if (bad.length > 0)
          console.log(
            `  note: ${s.name} at ${connections}: unexpected statuses ${JSON.stringify(r.statuses)}`,
          );
        const key = `${s.name}|${connections}`;
        results.set(key, [...(results.get(key) ?? []), { ...r, raw }]);
      }
    }
  }
  await stop(server.child);
  console.log(
    `\n**${storeName === 'sqlite' ? 'SQLite (file, WAL)' : 'PostgreSQL (127.0.0.1)'}**\n`,
  );
  const rows: unknown[][] = [];
  for (const s of scenarios) {
    for (const connections of CONNECTIONS) {
      const list = results.get(`${s.name}|${connections}`) ?? [];
      rows.push([
        s.name,
        connections,
        fmtSpread(
          list.map((x) => x.rps),
          0,
        ),
        median(list.map((x) => x.p50)).toFixed(1),
        median(list.map((x) => x.p99)).toFixed(1),
        median(list.map((x) => x.cpu)).toFixed(0),
        s.paired ? median(list.map((x) => x.raw ?? 0)).toFixed(0) : '',
        s.paired ? median(list.map((x) => x.rps / (x.raw ?? 1))).toFixed(2) : '',
      ]);
    }
  }
  console.log(
    mdTable(
      [
        'route',
        'conns',
        'req/s min / median / max',
        'p50 ms',
        'p99 ms',
        'generator CPU ms/s',
        'raw argon2id /s',
        '× raw',
      ],
      rows,
    ),
  );
  const gap = (c: number) => {
    const m = results.get(`reset request, mixed 50/50 (timing gap)|${c}`) ?? [];
    return median(m.map((x) => (x.p50By?.['known-'] ?? 0) - (x.p50By?.['nobody-'] ?? 0))).toFixed(
      2,
    );
  };
  const ratio = (route: string, c: number) =>
    (
      median((results.get(`${route}|${c}`) ?? []).map((x) => x.rps)) /
      median((results.get(`verify reset token|${c}`) ?? []).map((x) => x.rps))
    ).toFixed(2);
  const ratios = (route: string) => CONNECTIONS.map((c) => `${ratio(route, c)} at ${c}`).join(', ');
  // A figure whose runs were filtered out (BENCH_SCENARIOS) is left out of the summary.
  const has = (route: string) => results.has(`${route}|${CONNECTIONS[0]}`);
  const summary = [
    has('reset request, mixed 50/50 (timing gap)') &&
      `Reset requests for known and unknown addresses alternating in one run, p50 known − unknown (the timing signal an attacker could use; goal ≤ 5 ms): ${CONNECTIONS.map((c) => `${gap(c)} ms at ${c}`).join(', ')}.`,
    has('verify reset token') &&
      `Refresh ÷ verify req/s (goal ≥ 0.5): one account ${ratios('refresh')}; one account per connection ${ratios('refresh, one account per connection')}.`,
  ].filter(Boolean);
  if (summary.length > 0) console.log(`\n${summary.join(' ')}`);
}

// The cheap route alone and under sign-in load (SQLite).
if (PARTS.includes('cheap')) {
  section(
    'Server: a cheap route under sign-in load',
    `\`GET /.well-known/jwks.json\` on 1 connection at 200 req/s (a fixed schedule, as a page's other requests arrive: it does not take the CPU the sign-ins need), alone and while 16 connections sign in (right password) as fast as they can; ${ROUNDS + 1} interleaved rounds; sign-in req/s beside the raw argon2id rate measured right before. The goal: JWKS p99 ≤ 5 ms under the load, sign-in ≥ 0.85 × raw. The CPU columns give each generator's own CPU time per second (median) — taken from the ${cores} cores the server and its hashing share (a real client would be on another machine); the raw probe ran alone. Rows 3 to 7 send the same JWKS requests on a raw keep-alive socket (no HTTP library; the answer read by its Content-Length): a probe that spends about half the CPU, and less of the latency it reports, on itself. Row 5 is the same server started with one hashing thread (\`HASH_THREADS=1\`): a core left to the event loop, at the cost of sign-in throughput. The two floor rows show what this machine allows: the same answer (body and headers) from a bare \`node:http\` server with nothing else on its event loop (\`bench/server/bare.child.ts\`), alone, then beside the server's own hashing pool (${cores} threads at nice +10) verifying nonstop — the CPU a sign-in load takes, without its HTTP, store and token work.`,
  );
  const server = startChild([SOURCE, join(here, 'server.child.ts'), 'sqlite']);
  const ready = (await server.first) as { url: string };
  const oneThread = startChild([SOURCE, join(here, 'server.child.ts'), 'sqlite', '1']);
  const oneThreadUrl = ((await oneThread.first) as { url: string }).url;
  const alone: LoadResult[] = [];
  const loaded: LoadResult[] = [];
  const signing: Sample[] = [];
  const aloneRawSocket: LoadResult[] = [];
  const loadedRawSocket: LoadResult[] = [];
  const signingRawSocket: Sample[] = [];
  const loadedOneThread: LoadResult[] = [];
  const signingOneThread: Sample[] = [];
  /** The JWKS probe on `url` (default: the server), optionally on a raw socket. */
  const jwksProbe = (rawSocket = false, url = ready.url) =>
    jwksProbeSpec(url, rawSocket ? { rawSocket } : {});
  /**
   * The JWKS probe while 16 connections sign in; both windows open together, once both
   * generators have started (a process start-up takes ~0.1 s of CPU).
   */
  const underSignIn = (rawSocket: boolean, url = ready.url, startAt = Date.now() + 750) =>
    Promise.all([load({ ...jwksProbe(rawSocket, url), startAt }), load(signInLoad(url, startAt))]);
  // The floor: the same answer from a bare node:http server, alone and beside nonstop hashing.
  const bareSpec = await jwksAnswer(ready.url);
  const bareAlone: LoadResult[] = [];
  const bareHashing: LoadResult[] = [];
  const bareHashRates: number[] = [];
  const onBare = async (hashing: boolean) => {
    const bare = startChild([
      SOURCE,
      join(here, 'bare.child.ts'),
      JSON.stringify({ ...bareSpec, hashing }),
    ]);
    const lines = createInterface({
      input: bare.child.stdout as NonNullable<typeof bare.child.stdout>,
    });
    const { url } = (await bare.first) as { url: string };
    const result = await load(jwksProbe(true, url));
    const last = new Promise<string>((resolve) => lines.on('line', resolve));
    await stop(bare.child);
    if (hashing) bareHashRates.push((JSON.parse(await last) as { hashes: number }).hashes);
    return result;
  };
  for (let round = 0; round < ROUNDS + 1; round++) {
    alone.push(await load(jwksProbe()));
    aloneRawSocket.push(await load(jwksProbe(true)));
    bareAlone.push(await onBare(false));
    bareHashing.push(await onBare(true));
    const raw = (await hashRate()).rate;
    const [jwks, sign] = await underSignIn(false);
    loaded.push(jwks);
    signing.push({ ...sign, raw });
    const [jwksRawSocket, signRawSocket] = await underSignIn(true);
    loadedRawSocket.push(jwksRawSocket);
    signingRawSocket.push({ ...signRawSocket, raw });
    const [jwksOneThread, signOneThread] = await underSignIn(true, oneThreadUrl);
    loadedOneThread.push(jwksOneThread);
    signingOneThread.push({ ...signOneThread, raw });
  }
  await stop(server.child);
  await stop(oneThread.child);
  /** The JWKS columns of one row: req/s spread, p50, p99 spread. */
  const jwksCells = (samples: LoadResult[]) => [
    fmtSpread(
      samples.map((x) => x.rps),
      0,
    ),
    median(samples.map((x) => x.p50)).toFixed(2),
    fmtSpread(
      samples.map((x) => x.p99),
      1,
    ),
    median(samples.map((x) => x.cpu)).toFixed(0),
  ];
  /** The sign-in columns: req/s spread, the paired raw rate, their ratio. */
  const signInCells = (samples: Sample[]) => [
    fmtSpread(
      samples.map((x) => x.rps),
      1,
    ),
    median(samples.map((x) => x.cpu)).toFixed(0),
    median(samples.map((x) => x.raw ?? 0)).toFixed(0),
    median(samples.map((x) => x.rps / (x.raw ?? 1))).toFixed(2),
  ];
  console.log(
    mdTable(
      [
        '',
        'JWKS req/s min / median / max',
        'JWKS p50 ms',
        'JWKS p99 ms (min / median / max)',
        'JWKS probe CPU ms/s',
        'sign-in req/s',
        'sign-in generator CPU ms/s',
        'raw argon2id /s',
        'sign-in × raw',
      ],
      [
        ['alone', ...jwksCells(alone), '', '', '', ''],
        ['under 16 connections of sign-in', ...jwksCells(loaded), ...signInCells(signing)],
        ['alone, the JWKS probe on a raw socket', ...jwksCells(aloneRawSocket), '', '', '', ''],
        [
          'under 16 connections of sign-in, the JWKS probe on a raw socket',
          ...jwksCells(loadedRawSocket),
          ...signInCells(signingRawSocket),
        ],
        [
          'same, the server with one hashing thread (HASH_THREADS=1)',
          ...jwksCells(loadedOneThread),
          ...signInCells(signingOneThread),
        ],
        [
          'floor: bare node:http, the same answer, alone (raw socket)',
          ...jwksCells(bareAlone),
          '',
          '',
          '',
          '',
        ],
        [
          `floor: bare node:http beside ${cores} hashing threads (nice +10) verifying nonstop (raw socket)`,
          ...jwksCells(bareHashing),
          `(${fmtSpread(bareHashRates, 1)} hashes/s)`,
          '',
          '',
          '',
        ],
      ],
    ),
  );
}

// Where a cheap request's time goes: the probe's and the server's own clocks, request by request.
if (PARTS.includes('trace')) {
  section(
    "Server: where a cheap request's time goes under sign-in load",
    `The JWKS probe of the table above (raw socket, 1 connection at 200 req/s), each request numbered and timed at four points on the machine's monotonic clock, which every process shares: written by the probe; seen by the server (\`node:http\` emitted it: the event loop has woken, read and parsed it); handed to \`res.end\` by the handler; whole at the probe. So "before the server saw it" is the kernel's delivery, the server's wake-up and any work its event loop was doing first; "in the server" is our handler; "after" is the write, the way back and the probe's own wake-up. At each request the server also reads its event loop thread's scheduler counters (\`/proc/thread-self/schedstat\`): between the previous request and this one (~5 ms), how long that thread ran on a CPU and how long it was runnable but waited for one — a slow request after much CPU time waited behind the loop's own work, after much waiting it waited for a core, after neither it waited for the thread to be woken (\`bench/server/trace-requests.ts\`). Rows: our server alone, under 16 connections of sign-in, the same with one hashing thread, a bare server answering those sign-ins itself (it reads each body, verifies the password in our hashing pool and sends a real sign-in answer's body: a sign-in's HTTP and hashing without our store, token and framework work), the floor of the table above (a bare server beside our hashing pool, whose every answer wakes the event loop), the bare server beside the same argon2id verifications run by threads in loops of their own (the same hashing, memory and kernel work; no message to the event loop), and a control — the bare server beside one busy loop per core at the same nice +10, CPU demand with none of argon2id's memory traffic or kernel work (it maps, faults in, zeroes and unmaps 19 MiB per hash). ${ROUNDS + 1} interleaved rounds of ${SECONDS} s, all requests pooled; "slowest 1%": the requests whose total was in the top 1%. Not in the default run: \`BENCH_PARTS=trace pnpm bench:server\`.`,
  );
  const env = { BENCH_TRACE: JWKS_PATH };
  const server = startChild([SOURCE, join(here, 'server.child.ts'), 'sqlite'], env);
  const { url } = (await server.first) as { url: string };
  const oneThread = startChild([SOURCE, join(here, 'server.child.ts'), 'sqlite', '1'], env);
  const oneThreadUrl = ((await oneThread.first) as { url: string }).url;
  const bareSpec = await jwksAnswer(url);
  /** Ask a tracing child for its server-side rows (and clear them). */
  const serverRows = (child: ChildProcess) =>
    new Promise<ServerTrace[]>((resolve) => {
      const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
      lines.on('line', (line) => {
        const parsed = JSON.parse(line) as { trace?: ServerTrace[] };
        if (!parsed.trace) return;
        lines.close();
        resolve(parsed.trace);
      });
      child.kill('SIGUSR2');
    });
  const probe = (target: string, startAt?: number) =>
    jwksProbeSpec(target, { rawSocket: true, trace: true, ...(startAt ? { startAt } : {}) });
  /**
   * Per request (ms): total, before the server saw it, in the server, after; and the event loop
   * thread's CPU time and run-queue wait between the previous traced request and this one.
   */
  type Parts = [number, number, number, number, number, number];
  const rows = new Map<string, Parts[]>();
  const keep = (name: string, client: LoadResult, server: ServerTrace[]) => {
    const seen = new Map(server.map((row, i) => [row[0], { row, previous: server[i - 1] }]));
    const list = rows.get(name) ?? [];
    for (const [seq, written, answered] of client.trace ?? []) {
      const found = seen.get(seq);
      if (!found?.previous) continue;
      const [, at, end, ran, waited] = found.row;
      const [, , , ranBefore, waitedBefore] = found.previous;
      const us = [answered - written, at - written, end - at, answered - end];
      list.push([...us, ran - ranBefore, waited - waitedBefore].map((x) => x / 1000) as Parts);
    }
    rows.set(name, list);
  };
  const ALONE = 'our server, alone';
  const LOADED = 'our server, under 16 connections of sign-in';
  const ONE_THREAD = 'same, the server with one hashing thread (HASH_THREADS=1)';
  const BARE = `floor: bare node:http beside ${cores} hashing threads (nice +10) verifying nonstop`;
  const SILENT = `bare node:http beside ${cores} threads verifying argon2id in loops of their own (nice +10, no message per hash)`;
  const SPINNING = `control: bare node:http beside ${cores} busy loops (nice +10, user space only)`;
  const BARE_SIGN_IN = `bare node:http answering the 16 sign-in connections itself: their HTTP and our pool's hashing, no store or token work`;
  // A real sign-in answer's body, for the bare server to send after each verification.
  const signInAnswer = await (
    await fetch(`${url}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: signIn,
    })
  ).text();
  /** The probe on `target` while 16 connections sign in there. */
  const underSignIn = async (name: string, target: string, child: ChildProcess) => {
    const startAt = Date.now() + 750;
    const [probed] = await Promise.all([
      load(probe(target, startAt)),
      load(signInLoad(target, startAt)),
    ]);
    keep(name, probed, await serverRows(child));
  };
  for (let round = 0; round < ROUNDS + 1; round++) {
    keep(ALONE, await load(probe(url)), await serverRows(server.child));
    await underSignIn(LOADED, url, server.child);
    await underSignIn(ONE_THREAD, oneThreadUrl, oneThread.child);
    for (const [name, beside] of [
      [BARE, { hashing: true }],
      [SILENT, { hashingSilently: true }],
      [SPINNING, { spinning: true }],
      [BARE_SIGN_IN, { signInAnswer }],
    ] as const) {
      const bare = startChild(
        [SOURCE, join(here, 'bare.child.ts'), JSON.stringify({ ...bareSpec, ...beside })],
        env,
      );
      const bareUrl = ((await bare.first) as { url: string }).url;
      if (name === BARE_SIGN_IN) await underSignIn(name, bareUrl, bare.child);
      else keep(name, await load(probe(bareUrl)), await serverRows(bare.child));
      await stop(bare.child);
    }
  }
  await stop(server.child);
  await stop(oneThread.child);
  const cells = (list: Parts[], part: number) => {
    const values = list.map((p) => p[part] as number);
    return `${quantile(values, 0.5).toFixed(2)} / ${quantile(values, 0.99).toFixed(2)}`;
  };
  console.log(
    mdTable(
      [
        '',
        'requests',
        'total ms p50 / p99',
        'before the server saw it, p50 / p99',
        'in the server, p50 / p99',
        'after, p50 / p99',
        'slowest 1%: before / in / after (median ms)',
        'event loop thread since the previous request, all / slowest 1%: ms on a CPU; ms waiting for one (medians)',
      ],
      [ALONE, LOADED, ONE_THREAD, BARE_SIGN_IN, BARE, SILENT, SPINNING].map((name) => {
        const list = rows.get(name) ?? [];
        const cut = quantile(
          list.map((p) => p[0]),
          0.99,
        );
        const slow = list.filter((p) => p[0] >= cut);
        return [
          name,
          String(list.length),
          cells(list, 0),
          cells(list, 1),
          cells(list, 2),
          cells(list, 3),
          [1, 2, 3]
            .map((part) => median(slow.map((p) => p[part] as number)).toFixed(2))
            .join(' / '),
          [list, slow]
            .map((of) =>
              [4, 5].map((part) => median(of.map((p) => p[part] as number)).toFixed(2)).join('; '),
            )
            .join(' / '),
        ];
      }),
    ),
  );
}

// The event loop's own CPU per sign-in: back to back, after an idle wait, after a real hash.
if (PARTS.includes('loop')) {
  section(
    "Server: the event loop's CPU per sign-in",
    "Why a sign-in costs the event loop more under load than in a tight loop. Sign-ins through `app.fetch` in one process (no HTTP; SQLite file), one after another, the server's hasher replaced by a stand-in that answers at once, or after 20 ms of an idle event loop (about one hash), beside the real argon2id hasher; every kind after the same warm-up (1,500 sign-ins answered at once, so V8 has compiled the path alike); the main thread's own CPU time from `/proc/thread-self/schedstat` (hashing threads not counted); 3 interleaved rounds (`bench/server/loop-cost.child.ts`). The same compiled JavaScript costs two to three times more CPU when the loop sleeps between pieces (caches cold, a virtual CPU woken from idle), and that — not the messages to and from the hashing threads — is the larger part of a sign-in's event-loop time under load.",
  );
  const kinds = ['instant', 'idle', 'argon2id'] as const;
  const runs = new Map<string, { wallUs: number; mainUs: number }[]>();
  for (let round = 0; round < 3; round++) {
    for (const kind of round % 2 ? [...kinds].reverse() : kinds) {
      const r = await runChild<{ wallUs: number; mainUs: number }>([
        SOURCE,
        join(here, 'loop-cost.child.ts'),
        kind,
      ]);
      runs.set(kind, [...(runs.get(kind) ?? []), r]);
    }
  }
  const label = {
    instant: 'stand-in hasher, answers at once (a warm loop)',
    idle: 'stand-in hasher, answers after 20 ms of idle loop',
    argon2id: "argon2id (the server's hashing threads)",
  };
  const instant = median((runs.get('instant') ?? []).map((x) => x.mainUs));
  console.log(
    mdTable(
      [
        'hasher',
        'wall µs per sign-in',
        'main-thread CPU µs per sign-in (min / median / max)',
        '÷ warm',
      ],
      kinds.map((kind) => {
        const list = runs.get(kind) ?? [];
        return [
          label[kind],
          median(list.map((x) => x.wallUs)).toFixed(0),
          fmtSpread(
            list.map((x) => x.mainUs),
            0,
          ),
          `${(median(list.map((x) => x.mainUs)) / instant).toFixed(1)}×`,
        ];
      }),
    ),
  );
}

// Cold start and idle RSS: the built CLI (what `npx connect-auth-server` runs) vs bare node:http.
if (PARTS.includes('cold')) {
  section(
    'Server: cold start and idle memory',
    'Time from spawn to the first answered HTTP request, and resident memory 1 s after it (VmRSS), 5 interleaved runs; the built CLI (`packages/server/dist/cli.js serve --dev`, SQLite in a temp directory) vs a bare `node:http` server.',
  );
  const bare = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;
  const measureStart = async (args: string[], env: NodeJS.ProcessEnv, path: string) => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const dir = mkdtempSync(join(tmpdir(), 'connect-bench-cold-'));
    const t = performance.now();
    const child = spawn(node, args, {
      cwd: dir,
      env: { ...process.env, ...env, PORT: String(port), DATA_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c;
    });
    let ms = Number.NaN;
    for (let i = 0; i < 2000; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        await res.arrayBuffer();
        ms = performance.now() - t;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${stderr}`);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
    return { ms, rss };
  };
  const cli = join(root, 'packages/server/dist/cli.js');
  const ours: { ms: number; rss: number }[] = [];
  const base: { ms: number; rss: number }[] = [];
  for (let i = 0; i < 5; i++) {
    ours.push(
      await measureStart(
        [cli, 'serve', '--dev'],
        { NODE_ENV: 'development', HOST: '127.0.0.1' },
        JWKS_PATH,
      ),
    );
    base.push(await measureStart(['-e', bare], {}, '/'));
  }
  console.log(
    mdTable(
      ['server', 'cold start ms min / median / max', 'idle RSS MiB min / median / max'],
      [
        [
          '@connect-auth/server CLI (dist), SQLite',
          fmtSpread(
            ours.map((x) => x.ms),
            0,
          ),
          fmtSpread(
            ours.map((x) => x.rss),
            1,
          ),
        ],
        [
          'bare node:http',
          fmtSpread(
            base.map((x) => x.ms),
            0,
          ),
          fmtSpread(
            base.map((x) => x.rss),
            1,
          ),
        ],
      ],
    ),
  );
}
void execFileSync;
