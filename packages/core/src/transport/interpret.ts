import { PROBLEM_CONTENT_TYPE } from '../contract/codes.ts';
import { parseProblem } from '../contract/guards.ts';
import type { ConnectError } from '../errors/connect-error.ts';
import { errorFromProblem } from '../errors/from-problem.ts';
import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { parseRetryAfter } from '../errors/retry-after.ts';
import { ServerError } from '../errors/server-error.ts';

const JSON_TYPE = 'application/json';

/**
 * The media type of a `Content-Type` header, lower-cased, without parameters.
 */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/**
 * The data of a successful answer: it must be `application/json`, parse, and pass `parse` (one
 * of the contract's guards, e.g. `parseResetTokenInfo`); anything else is an
 * `InvalidResponseError`.
 */
export function parseSuccess<T>(
  response: Response,
  text: string,
  parse: (value: unknown) => T | null,
): T {
  const status = response.status;
  if (mediaType(response.headers.get('content-type')) !== JSON_TYPE) {
    throw new InvalidResponseError('The answer is not JSON.', { status });
  }
  const data = parse(parseJson(text, status));
  if (data === null) {
    throw new InvalidResponseError('The answer does not match the contract.', { status });
  }
  return data;
}

/**
 * The typed error for a failed answer. Problem details (`application/problem+json`, or JSON with
 * a `code`) map through `errorFromProblem`. Without them the status decides: 429 →
 * `RateLimitedError`, 5xx → `ServerError` (both with `retryAfterMs` from `Retry-After`), anything
 * else (3xx, a 4xx from a proxy, …) → `InvalidResponseError`.
 */
export function errorFromResponse(response: Response, text: string): ConnectError {
  const { status, headers } = response;
  const type = mediaType(headers.get('content-type'));
  let cause: unknown;
  if (type === PROBLEM_CONTENT_TYPE || type === JSON_TYPE) {
    try {
      const problem = parseProblem(JSON.parse(text));
      if (problem) return errorFromProblem(status, problem, headers);
    } catch (error) {
      cause = error;
    }
  }
  const options: { status: number; cause?: unknown; retryAfterMs?: number } = { status };
  if (cause !== undefined) options.cause = cause;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs;
  if (status === 429) return new RateLimitedError(undefined, options);
  if (status >= 500) return new ServerError(undefined, options);
  return new InvalidResponseError(`Unexpected answer with status ${status}.`, options);
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidResponseError('The answer is not valid JSON.', { status, cause });
  }
}
