/**
 * Bodies that are whole before anyone reads them — every JSON and problem+json answer of the
 * app, and every request body the Node adapter has read (16 KiB at most) — are kept as bytes
 * beside the `Response` or `Request` instead of inside it. Undici builds a `ReadableStream` for
 * each body given to `new Response` / `new Request`, and the adapter then drained the answer's
 * stream to learn its length, the app the request's to parse it: on cheap routes that was a
 * tenth of the event loop's work per request or more (issue #13). The adapter and the body reader
 * use the bytes as they are; anyone else — `app.fetch` callers, tests, other runtimes — reads the
 * body through the usual methods, which build a real body from the same bytes on first use.
 */

const encoder = new TextEncoder();
/** Statuses whose responses the Fetch API builds without a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** The body readers `Request` and `Response` share. */
interface BodyReaders {
  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null;
  get bodyUsed(): boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
  bytes(): Promise<Uint8Array<ArrayBuffer>>;
  blob(): Promise<Blob>;
  formData(): Promise<FormData>;
  json(): Promise<unknown>;
  text(): Promise<string>;
}
/** A base class: `Response` or `Request`. */
// biome-ignore lint/suspicious/noExplicitAny: TypeScript requires `any[]` for a mixin's base constructor.
type BodyClass = abstract new (...args: any[]) => BodyReaders;

/** Each instance's bytes, and the standard object made from them on first read. */
const bodies = new WeakMap<object, Uint8Array<ArrayBuffer>>();
const readers = new WeakMap<object, BodyReaders>();

/**
 * `Base` whose body readers (`body`, `bodyUsed`, `text()`, `json()`, …) read the bytes its
 * subclass's constructor stores in `bodies`, through a standard object `toReader` makes from them
 * on first use.
 */
function withBodyBytes<B extends BodyClass>(
  Base: B,
  toReader: (self: InstanceType<B>, bytes: Uint8Array<ArrayBuffer>) => BodyReaders,
) {
  const reader = (self: BodyBytes): BodyReaders => {
    let read = readers.get(self);
    if (!read) {
      read = toReader(self as InstanceType<B>, self.bodyBytes);
      readers.set(self, read);
    }
    return read;
  };
  abstract class BodyBytes extends Base {
    /** The body's bytes, for a reader that takes them whole (never consumes the body). */
    get bodyBytes(): Uint8Array<ArrayBuffer> {
      return bodies.get(this) ?? new Uint8Array(0);
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return reader(this).body;
    }

    override get bodyUsed(): boolean {
      return readers.get(this)?.bodyUsed ?? false;
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return reader(this).arrayBuffer();
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return reader(this).bytes();
    }

    override blob(): Promise<Blob> {
      return reader(this).blob();
    }

    override formData(): Promise<FormData> {
      return reader(this).formData();
    }

    override json(): Promise<unknown> {
      return reader(this).json();
    }

    override text(): Promise<string> {
      return reader(this).text();
    }
  }
  return BodyBytes;
}

/**
 * A `Response` with a body fixed at construction (text or bytes), written without a stream by the
 * Node adapter. Status and headers are the `Response`'s own (mutable, as for any response built
 * here; no `Content-Type` is implied from the body: set one); the body readers behave as the
 * Fetch API says, a second read rejecting.
 */
export class FinishedResponse extends withBodyBytes(
  Response,
  (self, bytes) => new Response(bytes, { status: self.status, headers: self.headers }),
) {
  constructor(body: string | Uint8Array<ArrayBuffer>, init: ResponseInit = {}) {
    super(null, init);
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    if (bytes.length > 0 && NULL_BODY_STATUSES.has(this.status)) {
      throw new TypeError(`A ${this.status} response cannot have a body.`);
    }
    bodies.set(this, bytes);
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: the body has already been read.');
    return new FinishedResponse(this.bodyBytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
  }
}

/**
 * A `Request` whose body the Node adapter has read whole (within the request size limit): the
 * app's body reader takes {@link ReceivedRequest.bodyBytes} as they are; the body readers behave
 * as the Fetch API says.
 */
export class ReceivedRequest extends withBodyBytes(
  Request,
  (self, bytes) =>
    new Request(self.url, { method: self.method, headers: self.headers, body: bytes }),
) {
  /** `init.body` is not taken: the body is `bytes`. */
  constructor(url: URL | string, init: Omit<RequestInit, 'body'>, bytes: Uint8Array<ArrayBuffer>) {
    super(url, init);
    if (bytes.length > 0 && (this.method === 'GET' || this.method === 'HEAD')) {
      throw new TypeError(`A ${this.method} request cannot have a body.`);
    }
    bodies.set(this, bytes);
  }

  override clone(): Request {
    if (this.bodyUsed) throw new TypeError('Request.clone: the body has already been read.');
    return new ReceivedRequest(
      this.url,
      { method: this.method, headers: this.headers },
      this.bodyBytes,
    );
  }
}
