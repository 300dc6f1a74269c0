/**
 * Server-side times of the probe's requests, for the `trace` part of bench/server.ts: installed in
 * a bench server's process (server.child.ts, bare.child.ts) before it serves. For every request to
 * `path` that carries the probe's `x-bench-seq` header it keeps, on the monotonic clock that every
 * process on the machine shares (`process.hrtime`, µs): when `node:http` emitted the request (the
 * event loop has woken, read and parsed it) and when the handler called `res.end` — and, at the
 * first of the two, the event loop thread's own scheduler counters from
 * `/proc/thread-self/schedstat` (µs on a CPU, µs runnable but waiting for one, both since the
 * thread started). On SIGUSR2 it prints `{ "trace": [[seq, seenUs, endUs, ranUs, waitedUs], …] }`
 * as one line and starts afresh.
 */
import { readFileSync } from 'node:fs';
import { type IncomingMessage, Server, type ServerResponse } from 'node:http';

/** Now on the shared monotonic clock, in µs. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** One traced request: `[seq, seenUs, endUs, ranUs, waitedUs]`. */
export type ServerTrace = [number, number, number, number, number];

/** The calling thread's CPU time and run-queue wait so far (µs); zeros where Linux's file is missing. */
function schedstat(): [number, number] {
  try {
    const [ran = '0', waited = '0'] = readFileSync('/proc/thread-self/schedstat', 'latin1').split(
      ' ',
    );
    return [Number(ran) / 1000, Number(waited) / 1000];
  } catch {
    return [0, 0];
  }
}

export function traceRequests(path: string): void {
  const rows: ServerTrace[] = [];
  const emit = Server.prototype.emit as (this: Server, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const seq = req.headers['x-bench-seq'];
      if (req.url === path && typeof seq === 'string') {
        const seen = monotonicUs();
        const [ran, waited] = schedstat();
        const end = res.end as (...a: unknown[]) => ServerResponse;
        res.end = function (this: ServerResponse, ...endArgs: unknown[]) {
          rows.push([Number(seq), seen, monotonicUs(), ran, waited]);
          return end.apply(this, endArgs);
        } as typeof res.end;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
  process.on('SIGUSR2', () => {
    process.stdout.write(`${JSON.stringify({ trace: rows.splice(0) })}\n`);
  });
}
