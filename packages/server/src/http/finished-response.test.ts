import { describe, expect, it } from 'vitest';
import { FinishedResponse, ReceivedRequest } from './finished-response.ts';
import { withHeaders } from './headers.ts';

const text = JSON.stringify({ ok: true, word: 'Schlüssel' });
const make = () =>
  new FinishedResponse(text, {
    status: 201,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

describe('FinishedResponse', () => {
  it('keeps its body as UTF-8 bytes beside a Response whose status and headers are its own', () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Buffer.from(response.bodyBytes).toString('utf8')).toBe(text);
    expect(response.bodyBytes.byteLength).toBe(Buffer.byteLength(text));
    expect(response.bodyUsed).toBe(false);
  });

  it('reads as any Response does, once: json, text, arrayBuffer, bytes, blob, the body stream', async () => {
    expect(await make().json()).toEqual(JSON.parse(text));
    expect(await make().text()).toBe(text);
    expect(Buffer.from(await make().arrayBuffer()).toString('utf8')).toBe(text);
    expect(Buffer.from(await make().bytes()).toString('utf8')).toBe(text);
    expect(await (await make().blob()).text()).toBe(text);
    const streamed = await new Response(make().body).text();
    expect(streamed).toBe(text);

    const response = make();
    expect(await response.text()).toBe(text);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    // The bytes stay for a writer that sends them whole.
    expect(response.bodyBytes.byteLength).toBe(Buffer.byteLength(text));
  });

  it('clones before a read (the same status, headers and body), refuses after', async () => {
    const response = make();
    const copy = response.clone();
    expect(copy.status).toBe(201);
    expect(copy.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await copy.text()).toBe(text);
    expect(await response.text()).toBe(text);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('carries headers set after construction into the body it reads and the copy it re-wraps', async () => {
    const response = withHeaders(make(), new Request('http://x/'), {
      hsts: false,
      allowedOrigins: new Set(),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const rewrapped = new Response(response.body, response);
    expect(rewrapped.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await rewrapped.text()).toBe(text);
  });

  it('refuses a body with a status that cannot carry one, as Response does', () => {
    expect(() => new Response('x', { status: 204 })).toThrow(TypeError);
    expect(() => new FinishedResponse('x', { status: 204 })).toThrow(TypeError);
    expect(new FinishedResponse('', { status: 204 }).status).toBe(204);
  });
});

describe('ReceivedRequest', () => {
  const bytes = new TextEncoder().encode(text);
  const received = () =>
    new ReceivedRequest(
      'http://127.0.0.1/v1/sessions',
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      bytes,
    );

  it('is a Request with its method, URL and headers, its body kept as the bytes given', () => {
    const request = received();
    expect(request).toBeInstanceOf(Request);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://127.0.0.1/v1/sessions');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.bodyBytes).toBe(bytes);
    expect(request.bodyUsed).toBe(false);
  });

  it('reads as any Request does, once; clones before a read, refuses after', async () => {
    expect(await received().json()).toEqual(JSON.parse(text));
    expect(await new Response(received().body).text()).toBe(text);
    const request = received();
    const copy = request.clone();
    expect(await request.text()).toBe(text);
    expect(request.bodyUsed).toBe(true);
    await expect(request.arrayBuffer()).rejects.toThrow(TypeError);
    expect(() => request.clone()).toThrow(TypeError);
    expect(copy.method).toBe('POST');
    expect(await copy.text()).toBe(text);
  });

  it('refuses a body on GET and HEAD, as Request does', () => {
    expect(() => new ReceivedRequest('http://x/', { method: 'GET' }, bytes)).toThrow(TypeError);
    expect(new ReceivedRequest('http://x/', { method: 'GET' }, new Uint8Array(0)).method).toBe(
      'GET',
    );
  });
});
