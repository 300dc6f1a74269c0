/**
 * The load generator, in its own process (never the server's event loop): `connections`
 * keep-alive HTTP/1.1 connections, each sending its next request as soon as the previous answer
 * is read, for `seconds`. Bodies cycle through a list; with `chain`, each connection first signs
 * in and then sends the refresh cookie the previous answer set (refresh rotates it). Prints one
 * JSON line: requests, req/s, p50/p99 in ms, status counts.
 *
 *   node bench/server/load.child.ts '<json spec>'
 */
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { quantile } from '../shared.ts';
import { monotonicUs } from './trace-requests.ts';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  bodies?: string[];
  /** Bodies `{"email":"<prefix><i>@example.com"}` for i < count, cycled. */
  emails?: { prefix: string; count: number };
  /** Mixed: alternate addresses from these prefixes (5,000 each) and report p50 per prefix. */
  mixed?: string[];
  connections: number;
  seconds: number;
  /**
   * Refresh: connection i signs in with `signIn[i % length]` first, then sends the rotated cookie
   * each time (one body: every connection refreshes a session of the same account).
   */
  chain?: { signIn: string[] };
  expect: number;
  /** Open loop: each connection sends at most this many requests per second, on a fixed schedule. */
  rate?: number;
  /**
   * Wall-clock time (`Date.now()`) at which the timed window opens: generators run side by side
   * are given the same one, so neither's start-up falls inside the other's window.
   */
  startAt?: number;
  /**
   * Bodiless requests written on raw keep-alive sockets and answers read by their
   * `Content-Length`, without an HTTP library: a probe that spends less of the machine, and of
   * the latency it reports, on itself.
   */
  rawSocket?: boolean;
  /**
   * With `rawSocket`: number each request (`x-bench-seq`) and report, for those in the window,
   * when it was written and when its answer was whole, on the machine's shared monotonic clock
   * (µs), to be matched with the server's own times (./trace-requests.ts).
   */
  trace?: boolean;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /**
   * This generator's own CPU (user + system) in ms per second of its window: CPU the server and
   * the hashing did not get on this machine, which a client on another machine would not take.
   */
  cpu: number;
  /** With `mixed`: p50 ms per prefix. */
  p50By?: Record<string, number>;
  /** With `trace`: `[seq, writtenUs, answeredUs]` per request in the window. */
  trace?: Array<[number, number, number]>;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
if (spec.emails) {
  const { prefix, count } = spec.emails;
  spec.bodies = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ email: `${prefix}${i}@example.com` }),
  );
}
const tags: number[] = [];
if (spec.mixed) {
  const prefixes = spec.mixed;
  spec.bodies = Array.from({ length: 5000 * prefixes.length }, (_, i) => {
    tags.push(i % prefixes.length);
    return JSON.stringify({
      email: `${prefixes[i % prefixes.length]}${Math.floor(i / prefixes.length)}@example.com`,
    });
  });
}
const byTag: number[][] = (spec.mixed ?? []).map(() => []);
const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
const target = new URL(spec.url);

interface Answer {
  status: number;
  cookie?: string;
  /** With `trace`: when the request was written and its answer was whole (µs, monotonic). */
  times?: [number, number];
}

/** One raw socket per connection (`rawSocket`): write the request, resolve on the whole answer. */
function rawSender() {
  let socket: Socket | undefined;
  let received: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  let waiting: ((answer: Answer) => void) | undefined;
  let writtenUs = 0;
  const onData = (chunk: Buffer) => {
    const arrivedUs = spec.trace ? monotonicUs() : 0;
    received = received.length ? Buffer.concat([received, chunk]) : chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = received.subarray(0, end).toString('latin1');
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) throw new Error(`rawSocket: an answer without Content-Length: ${head}`);
    const total = end + 4 + Number(length[1]);
    if (received.length < total) return;
    received = received.subarray(total);
    const done = waiting;
    waiting = undefined;
    const status = Number(head.slice(9, 12));
    done?.(spec.trace ? { status, times: [writtenUs, arrivedUs] } : { status });
  };
  // Bodiless: `send`'s body and cookie parameters are not used.
  return async (method: string, path: string, _body?: string, _cookie?: string, seq = 0) => {
    if (!socket) {
      const s = connect(Number(target.port), target.hostname);
      s.setNoDelay(true);
      s.on('data', onData);
      await new Promise((resolve, reject) => s.once('connect', resolve).once('error', reject));
      socket = s;
    }
    const open = socket;
    const numbered = spec.trace ? `x-bench-seq: ${seq}\r\n` : '';
    return new Promise<Answer>((resolve) => {
      waiting = resolve;
      const request = `${method} ${path} HTTP/1.1\r\nhost: ${target.host}\r\n${numbered}\r\n`;
      if (spec.trace) writtenUs = monotonicUs();
      open.write(request);
    });
  };
}

function send(method: string, path: string, body: string | undefined, cookie?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    if (cookie) headers.cookie = cookie;
    const req = request(
      { host: target.hostname, port: target.port, method, path, headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => {
          const set = res.headers['set-cookie']?.[0]?.split(';')[0];
          resolve({ status: res.statusCode ?? 0, cookie: set });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies: number[] = [];
const traced: Array<[number, number, number]> = [];
const statuses: Record<string, number> = {};
let next = 0;
let until = 0;
const signInOf = (i: number, chain: { signIn: string[] }) => chain.signIn[i % chain.signIn.length];
async function connection(_: unknown, i: number) {
  const sendOn = spec.rawSocket ? rawSender() : send;
  let cookie: string | undefined;
  if (spec.chain) cookie = (await send('POST', '/v1/sessions', signInOf(i, spec.chain))).cookie;
  let slot = performance.now();
  while (performance.now() < until) {
    if (spec.rate) {
      slot += 1000 / spec.rate;
      const wait = slot - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const bodies = spec.bodies;
    const index = next++;
    const body = bodies ? bodies[index % bodies.length] : undefined;
    const started = performance.now();
    const res = await sendOn(spec.method, spec.path, body, cookie, index);
    if (performance.now() > until) break;
    latencies.push(performance.now() - started);
    if (res.times) traced.push([index, ...res.times]);
    if (spec.mixed) byTag[tags[index % tags.length] as number]?.push(performance.now() - started);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (spec.chain && res.cookie) cookie = res.cookie;
  }
}
// Chained connections sign in first (not timed); then everyone starts together.
until = performance.now() + 1e9;
if (spec.chain) {
  const chain = spec.chain;
  const conns = Array.from({ length: spec.connections }, (_, i) =>
    send('POST', '/v1/sessions', signInOf(i, chain)),
  );
  await Promise.all(conns);
}
if (spec.startAt !== undefined) {
  const wait = spec.startAt - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
const start = performance.now();
const cpuAtStart = process.cpuUsage();
until = start + spec.seconds * 1000;
await Promise.all(Array.from({ length: spec.connections }, connection));
const elapsed = (performance.now() - start) / 1000;
const cpuUsed = process.cpuUsage(cpuAtStart);
const result: LoadResult = {
  requests: latencies.length,
  rps: latencies.length / elapsed,
  p50: quantile(latencies, 0.5),
  p99: quantile(latencies, 0.99),
  statuses,
  cpu: (cpuUsed.user + cpuUsed.system) / 1000 / elapsed,
  ...(spec.trace ? { trace: traced } : {}),
  ...(spec.mixed
    ? {
        p50By: Object.fromEntries(
          spec.mixed.map((prefix, i) => [prefix, quantile(byTag[i] ?? [], 0.5)]),
        ),
      }
    : {}),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
agent.destroy();
