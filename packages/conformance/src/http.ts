/**
 * The kit's HTTP side: one call = one request to the target, read in full, every answer recorded
 * (the final check looks at every problem answer the run saw).
 */

/** One answer of the target, read in full. */
export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or `undefined` when it is not JSON. */
  json: unknown;
  /** The `Set-Cookie` header lines. */
  cookies: string[];
}

/** Options of one request. */
export interface CallOptions {
  /** A JSON body (serialised), or a raw string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as the `Cookie` header. */
  cookie?: string;
}

/** A failure of the target to answer at all (connection refused, timeout). */
export class TransportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportFailure';
  }
}

/**
 * Calls the target at a base URL and records every answer. A custom check gets one as
 * `context.target`.
 *
 * @example
 * ```ts
 * const answer = await context.target.post('/v1/password-resets', { email: 'a@example.com' });
 * ```
 */
export class Target {
  readonly baseUrl: string;
  readonly answers: Answer[] = [];
  readonly timeoutMs: number;

  constructor(baseUrl: string, timeoutMs = 15_000) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
  }

  /** Send a request; a JSON body gets `content-type: application/json` unless a header says otherwise. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
    }
    if (options.cookie) headers.cookie = options.cookie;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TransportFailure(
        `${method} ${path}: no answer (${(error as Error).cause ?? (error as Error).message})`,
      );
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const answer: Answer = {
      method,
      path,
      status: res.status,
      headers: res.headers,
      text,
      json,
      cookies: res.headers.getSetCookie(),
    };
    this.answers.push(answer);
    return answer;
  }

  /** `POST` a JSON body. */
  post(path: string, body?: unknown, options: Omit<CallOptions, 'body'> = {}): Promise<Answer> {
    return this.call('POST', path, { ...options, body });
  }

  /** `GET`. */
  get(path: string, options: Omit<CallOptions, 'body'> = {}): Promise<Answer> {
    return this.call('GET', path, options);
  }
}

/** A parsed `Set-Cookie` line. */
export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased, values as sent (`true` for flags). */
  attributes: Map<string, string | true>;
}

/** Parse one `Set-Cookie` line. */
export function parseSetCookie(line: string): SetCookie {
  const [pair = '', ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const attr of attrs) {
    const i = attr.indexOf('=');
    if (i < 0) attributes.set(attr.trim().toLowerCase(), true);
    else attributes.set(attr.slice(0, i).trim().toLowerCase(), attr.slice(i + 1).trim());
  }
  return {
    name: pair.slice(0, eq).trim(),
    value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
    attributes,
  };
}
