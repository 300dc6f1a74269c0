import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonObject } from './body.ts';
import { FinishedResponse, ReceivedRequest } from './finished-response.ts';
import { SECURITY_HEADERS } from './headers.ts';
import { type RunningServer, serve } from './node.ts';
import { jsonResponse } from './problem.ts';

/** Sends raw bytes (methods `fetch` cannot send) and returns the whole answer as text. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('serve (Node adapter)', () => {
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('answers TRACE, which the Fetch API cannot represent, with a 405 problem, not a 500', async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    running = await serve(
      {
        async fetch(request) {
          seen.push(request.method);
          return jsonResponse({ ok: true });
        },
      },
      { onError: (error) => errors.push(error) },
    );
    const answer = await raw(
      running.port,
      'TRACE /v1/password-policy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/x-content-type-options: nosniff/i);
    expect(answer).toContain('"code":"method_not_allowed"');
    expect(errors).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('sends each answer with its Content-Length, never chunked, and HEAD without a body', async () => {
    const text = JSON.stringify({ ok: true, word: 'Schlüssel' });
    running = await serve({ fetch: async () => jsonResponse(JSON.parse(text)) });
    const answer = await raw(
      running.port,
      'GET /.well-known/jwks.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    const [head = '', body] = answer.split('\r\n\r\n');
    expect(head).not.toMatch(/transfer-encoding/i);
    expect(head).toMatch(new RegExp(`content-length: ${Buffer.byteLength(text)}\r?$`, 'im'));
    expect(body).toBe(text);
    const headAnswer = await raw(
      running.port,
      'HEAD /.well-known/jwks.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(headAnswer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(headAnswer.endsWith('\r\n\r\n')).toBe(true);
  });

  it('writes a FinishedResponse from its bytes, never through its body stream', async () => {
    class Unreadable extends FinishedResponse {
      override get body(): never {
        throw new Error('the adapter read the stream');
      }
      override arrayBuffer(): never {
        throw new Error('the adapter read the stream');
      }
    }
    const text = JSON.stringify({ word: 'Schlüssel' });
    const errors: unknown[] = [];
    running = await serve(
      {
        fetch: async () =>
          new Unreadable(text, { headers: { 'content-type': 'application/json' } }),
      },
      { onError: (error) => errors.push(error) },
    );
    const answer = await raw(
      running.port,
      'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    const [head = '', body] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(head).toMatch(new RegExp(`content-length: ${Buffer.byteLength(text)}\r?$`, 'im'));
    expect(body).toBe(text);
    expect(errors).toEqual([]);
  });

  it('hands the app the body it read as bytes, which the JSON reader takes without a stream', async () => {
    const seen: Array<{ received: boolean; value: unknown; used: boolean }> = [];
    running = await serve({
      async fetch(request) {
        const value = await readJsonObject(request);
        seen.push({ received: request instanceof ReceivedRequest, value, used: request.bodyUsed });
        return jsonResponse({ ok: true });
      },
    });
    const body = JSON.stringify({ email: 'ada@example.com', word: 'Schlüssel' });
    const answer = await raw(
      running.port,
      `POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(seen).toEqual([{ received: true, value: JSON.parse(body), used: false }]);
  });

  it('answers a clean 500 problem when the body of the app fails while it is read', async () => {
    const errors: unknown[] = [];
    running = await serve(
      {
        fetch: async () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.error(new Error('body failed'));
              },
            }),
            { headers: { 'content-type': 'application/json' } },
          ),
      },
      { onError: (error) => errors.push(error) },
    );
    const answer = await raw(
      running.port,
      'GET /.well-known/jwks.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 500 Internal Server Error');
    expect(answer).toContain('"code":"server_error"');
    expect(errors).toHaveLength(1);
  });

  it('gives its own answers (413 before the app reads a byte) the security headers of the app', async () => {
    running = await serve({ fetch: async () => jsonResponse({ ok: true }) });
    const answer = await raw(
      running.port,
      'POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 999999\r\nConnection: close\r\n\r\n',
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(answer.toLowerCase()).toContain(`${name}: ${value.toLowerCase()}`);
    }
  });

  it("SECURITY 31 (#8 item 7): what Node's own parser refuses is answered as problem+json with the security headers", async () => {
    const seen: string[] = [];
    running = await serve({
      async fetch(request) {
        seen.push(request.method);
        return jsonResponse({ ok: true });
      },
    });
    const cases: Array<[string, string, string]> = [
      ['GARBAGE\r\n\r\n', 'HTTP/1.1 400 Bad Request', '"code":"malformed_request"'],
      [
        'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        'HTTP/1.1 400 Bad Request',
        '"code":"validation_failed"',
      ],
      ['GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', 'HTTP/1.1 400 Bad Request', '"status":400'],
      [
        `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        'HTTP/1.1 431 Request Header Fields Too Large',
        '"code":"headers_too_large"',
      ],
    ];
    for (const [request, statusLine, marker] of cases) {
      const answer = await raw(running.port, request);
      expect(answer.split('\r\n')[0]).toBe(statusLine);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(answer.toLowerCase()).toContain(`${name}: ${value.toLowerCase()}`);
      }
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      expect(typeof body.code).toBe('string');
      expect(answer).toContain(marker);
    }
    expect(seen).toEqual([]);
  });
});
