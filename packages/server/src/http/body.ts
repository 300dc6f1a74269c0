/**
 * Reading JSON request bodies defensively (SECURITY 21, 14, 24): only `application/json`, at most
 * {@link MAX_REQUEST_BODY_BYTES}, strict UTF-8, no `__proto__` / `constructor` / `prototype` keys
 * anywhere, a plain object at the top, then the contract's strict zod schema. Every failure is a
 * {@link ProblemError}; nothing here can throw anything else.
 */
import { type FieldIssue, MAX_REQUEST_BODY_BYTES } from '@connect-auth/core/contract';
import type * as z from 'zod/mini';
import { ReceivedRequest } from './finished-response.ts';
import { ProblemError } from './problem.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether the request declares a JSON body (`application/json`, any parameters).
 */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** Thrown by {@link readCapped} when a body is over its limit. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** A body's chunks as they arrive: a Fetch API reader, or a Node request's iterator (`node.ts`). */
export interface ChunkReader {
  read(): Promise<{ done?: boolean | undefined; value?: Uint8Array | undefined }>;
  /** Stop reading (the rest is not wanted). */
  cancel(): Promise<unknown>;
}

/**
 * Collect a body of at most `limit` bytes: refused with {@link BodyTooLarge} when its declared
 * `Content-Length` is larger, or as soon as the bytes read pass the limit (the reader is then
 * cancelled, nothing more is buffered). A failure of the reader itself propagates.
 */
export async function readCapped(
  reader: ChunkReader | null,
  declared: string | null | undefined,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (declared != null && Number(declared) > limit) throw new BodyTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Read the request's body as bytes, refusing more than the limit without buffering past it. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  // Read whole by the Node adapter already (within the same limit): taken as it is.
  if (request instanceof ReceivedRequest && request.bodyBytes.byteLength <= limit) {
    return request.bodyBytes;
  }
  try {
    return await readCapped(
      request.body?.getReader() ?? null,
      request.headers.get('content-length'),
      limit,
    );
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new ProblemError('payload_too_large');
    throw new ProblemError('validation_failed', {
      issues: [{ path: [], code: 'unreadable_body' }],
    });
  }
}

function invalid(code: string, path: Array<string | number> = []): ProblemError {
  return new ProblemError('validation_failed', { issues: [{ path, code }] });
}

/**
 * Parse JSON text, refusing prototype-polluting keys at any depth. The reviver sees every key
 * (JSON.parse defines `__proto__` as an own property, so the prototype is never touched, and the
 * reviver throws before the object escapes).
 */
export function parseJsonStrict(text: string): unknown {
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, function reviver(key, v) {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return v;
    });
  } catch {
    throw invalid('invalid_json');
  }
  if (forbidden !== undefined) throw invalid('forbidden_key', [forbidden]);
  return value;
}

function issueCode(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'required' : 'invalid_type';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      // An empty string is a missing value to the person filling the form: the same code the
      // client's own checks give (core's contract/checks.ts), so one string table serves both.
      return input === '' ? 'required' : 'too_short';
    case 'invalid_format':
      return 'invalid_format';
    case 'custom':
      return issue.message || 'invalid';
    default:
      return issue.code;
  }
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key)
      ? (current as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  return current;
}

/**
 * Map zod issues to the contract's field issues (`unknown_field`, `required`, `invalid_email`, …).
 */
export function toFieldIssues(issues: z.core.$ZodIssue[], input: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], code: 'unknown_field' });
    } else {
      out.push({ path, code: issueCode(issue, valueAt(input, issue.path)) });
    }
  }
  return out;
}

/**
 * Validate an already-read JSON object against a schema (problem on failure).
 */
export function validate<S extends z.ZodMiniType>(
  value: Record<string, unknown>,
  schema: S,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ProblemError('validation_failed', {
      issues: toFieldIssues(result.error.issues, value),
    });
  return result.data as z.infer<S>;
}

/**
 * Read the body as a plain JSON object (content type, size, encoding and key checks), before any
 * schema.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  if (!isJsonContentType(request.headers.get('content-type')))
    throw new ProblemError('unsupported_media_type');
  const bytes = await readLimited(request, MAX_REQUEST_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid('invalid_encoding');
  }
  const value = parseJsonStrict(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid('not_an_object');
  return value as Record<string, unknown>;
}
