/**
 * Node adapter: runs a web-standard app (`fetch(Request, context) → Response`) on `node:http`.
 * Request bodies are read up to {@link MAX_REQUEST_BODY_BYTES}; a larger body is answered 413
 * while reading, without buffering more. `close()` stops accepting, lets in-flight requests
 * finish (up to a grace period), then closes the remaining connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_REQUEST_BODY_BYTES } from '@connect-auth/core/contract';
import { BodyTooLarge, readCapped } from './body.ts';
import { FinishedResponse, ReceivedRequest } from './finished-response.ts';
import { SECURITY_HEADERS } from './headers.ts';
import { problemResponse } from './problem.ts';
import type { RequestContext } from './router.ts';

/** What the adapter runs. */
export interface FetchApp {
  fetch(request: Request, context?: Partial<RequestContext>): Promise<Response>;
}

/** A running HTTP server. */
export interface RunningServer {
  /** `http://host:port` actually bound. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stop accepting, finish in-flight requests (≤ `graceMs`), close. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Headers of the answers the adapter gives itself (before the app sees the request): the same
 * security headers as the app's. HSTS is left to the app's answers (the adapter does not know
 * the public URL); browsers keep it from those.
 */
const ADAPTER_HEADERS = SECURITY_HEADERS;

/**
 * What Node's own HTTP parser refuses before any handler runs (a malformed request line, headers
 * over 16 KB, a request too slow to arrive) is answered like everything else: problem+json with
 * a stable code and the security headers, then the connection closes. Node's default answer was
 * a bare `400 Bad Request` without either.
 */
function parserFailure(error: NodeJS.ErrnoException): Response {
  const connection = { ...ADAPTER_HEADERS, connection: 'close' };
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return problemResponse(
      'payload_too_large',
      { issues: [{ path: [], code: 'headers_too_large' }] },
      connection,
      'en',
      431,
    );
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problemResponse(
      'validation_failed',
      { issues: [{ path: [], code: 'request_timeout' }] },
      connection,
      'en',
      408,
    );
  }
  return problemResponse(
    'validation_failed',
    { issues: [{ path: [], code: 'malformed_request' }] },
    connection,
  );
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

async function answerParserFailure(error: NodeJS.ErrnoException, socket: Duplex): Promise<void> {
  // A peer that reset the connection, or an answer already under way, gets nothing more.
  if (
    error.code === 'ECONNRESET' ||
    !socket.writable ||
    (socket as { _httpMessage?: unknown })._httpMessage
  ) {
    socket.destroy();
    return;
  }
  const response = parserFailure(error);
  const body = await response.text();
  const lines = [`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Bad Request'}`];
  response.headers.forEach((value, name) => {
    lines.push(`${name}: ${value}`);
  });
  lines.push(`content-length: ${Buffer.byteLength(body)}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * Read a request body with the app's capped reader. Stopping early must not destroy the request:
 * the 413 is still to be written on its socket, and the rest of the body is discarded after it.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks = req.iterator({ destroyOnReturn: false });
  return readCapped(
    { read: () => chunks.next(), cancel: async () => chunks.return?.() },
    req.headers['content-length'],
    limit,
  );
}

function toRequest(
  req: IncomingMessage,
  body: Uint8Array<ArrayBuffer> | undefined,
  base: string,
): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    const value = req.rawHeaders[i + 1] as string;
    if (name.startsWith(':')) continue;
    try {
      headers.append(name, value);
    } catch {
      // An invalid header value is dropped rather than crashing the request.
    }
  }
  // The URL's origin is the bound address, never the Host header: links are built from config.
  let url: URL;
  try {
    url = new URL(req.url ?? '/', base);
    if (url.origin !== base) url = new URL(`${url.pathname}${url.search}`, base);
  } catch {
    url = new URL('/__invalid__', base);
  }
  const method = req.method ?? 'GET';
  // A body read whole stays bytes (`ReceivedRequest`), never an undici stream to read back.
  return body && body.length > 0
    ? new ReceivedRequest(url, { method, headers }, body)
    : new Request(url, { method, headers });
}

/**
 * Write `response`: its body is read whole first, so the answer carries its `Content-Length` and
 * goes out in one write, never chunked (every answer of the app is a small, finished document).
 */
async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const body = head ? undefined : await bodyOf(response);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie' || name === 'content-length' || name === 'transfer-encoding') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** The bytes of an answer: a {@link FinishedResponse}'s as they are, any other's read whole. */
async function bodyOf(response: Response): Promise<Buffer | undefined> {
  if (response instanceof FinishedResponse) {
    const { buffer, byteOffset, byteLength } = response.bodyBytes;
    return Buffer.from(buffer, byteOffset, byteLength);
  }
  return response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
}

/**
 * Serve an app over HTTP.
 *
 * @example
 * ```ts
 * const running = await serve(app, { port: 8787, hostname: '127.0.0.1' });
 * console.log(running.url);
 * process.once('SIGTERM', () => running.close());
 * ```
 */
export async function serve(
  app: FetchApp,
  options: { port?: number; hostname?: string; onError?: (error: unknown) => void } = {},
): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  let base = 'http://127.0.0.1';
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server = createServer(async (req, res) => {
    inFlight++;
    try {
      const method = req.method ?? 'GET';
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        try {
          body = await readBody(req, MAX_REQUEST_BODY_BYTES);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            res.setHeader('connection', 'close');
            await send(res, problemResponse('payload_too_large', {}, ADAPTER_HEADERS), false);
            // Discard the rest without keeping it; the connection closes after the answer.
            req.resume();
            return;
          }
          res.destroy();
          return;
        }
      }
      let request: Request;
      try {
        request = toRequest(req, body, base);
      } catch {
        // Node's parser accepts TRACE, which the Fetch API refuses to carry (a TypeError from
        // `new Request`). No route takes it: a 405 like any other method, never a 500. There is
        // no `Allow`: the adapter does not know the app's routes.
        await send(res, problemResponse('method_not_allowed', {}, ADAPTER_HEADERS), false);
        return;
      }
      const response = await app.fetch(request, { ip: req.socket.remoteAddress ?? '' });
      await send(res, response, method === 'HEAD');
    } catch (error) {
      options.onError?.(error);
      if (!res.headersSent)
        await send(res, problemResponse('server_error', {}, ADAPTER_HEADERS), false).catch(
          () => {},
        );
      else res.destroy();
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    answerParserFailure(error, socket).catch(() => socket.destroy());
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
  return {
    url: base,
    port: address.port,
    server,
    close(graceMs = 10_000) {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const drained = new Promise<void>((r) => {
          if (inFlight === 0) r();
          else idle = r;
        });
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        drained.then(() => {
          clearTimeout(timer);
          server.closeIdleConnections();
          // Keep-alive sockets that become idle after their last answer are closed too.
          setImmediate(() => server.closeAllConnections());
        });
      });
    },
  };
}
