/**
 * Answers whose body is finished text (every JSON and problem+json answer of the app) keep it as
 * bytes beside the `Response` instead of inside it. Undici builds a `ReadableStream` for each body
 * given to `new Response`, and the Node adapter then read that stream back to learn the length:
 * on a cheap route such as the JWKS, building and draining it was a tenth of the event loop's
 * work per request (issue #13). The Node adapter writes {@link FinishedResponse.bodyBytes} as they
 * are; anyone else — `app.fetch` callers, tests, other runtimes — reads the body through the usual
 * `Response` methods, which build a real body from the same bytes the first time one is used.
 */

const encoder = new TextEncoder();
/** Statuses whose responses the Fetch API builds without a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A `Response` with a body fixed at construction (text or bytes), read without a stream by the
 * Node adapter. Status and headers are the `Response`'s own (mutable, as for any response built
 * here; no `Content-Type` is implied from the body: set one); the body methods behave as the
 * Fetch API says, a second read rejecting.
 */
export class FinishedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  /** The body as a standard `Response`, made on the first use of a body method. */
  #read: Response | undefined;

  constructor(body: string | Uint8Array<ArrayBuffer>, init: ResponseInit = {}) {
    super(null, init);
    this.#bytes = typeof body === 'string' ? encoder.encode(body) : body;
    if (this.#bytes.length > 0 && NULL_BODY_STATUSES.has(this.status)) {
      throw new TypeError(`A ${this.status} response cannot have a body.`);
    }
  }

  /** The body's bytes, for a writer that sends them whole (never consumes the body). */
  get bodyBytes(): Uint8Array<ArrayBuffer> {
    return this.#bytes;
  }

  #reader(): Response {
    this.#read ??= new Response(this.#bytes, { status: this.status, headers: this.headers });
    return this.#read;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#reader().body;
  }

  override get bodyUsed(): boolean {
    return this.#read?.bodyUsed ?? false;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#reader().arrayBuffer();
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#reader().bytes();
  }

  override blob(): Promise<Blob> {
    return this.#reader().blob();
  }

  override formData(): Promise<FormData> {
    return this.#reader().formData();
  }

  override json(): Promise<unknown> {
    return this.#reader().json();
  }

  override text(): Promise<string> {
    return this.#reader().text();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: the body has already been read.');
    return new FinishedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
  }
}
