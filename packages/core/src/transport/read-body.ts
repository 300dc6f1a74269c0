import { InvalidResponseError } from '../errors/invalid-response-error.ts';

/**
 * Reads a response body as UTF-8 text, refusing more than `maxBytes` (announced by
 * `Content-Length` or actually streamed) and invalid UTF-8, both as `InvalidResponseError`.
 * Network failures while streaming propagate unchanged for the caller to classify.
 */
export async function readBody(response: Response, maxBytes: number): Promise<string> {
  const status = response.status;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(status, maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(status, maxBytes);
      }
      text += decode(decoder, value, true, status);
    }
    return text + decode(decoder, undefined, false, status);
  } finally {
    reader.releaseLock();
  }
}

function decode(
  decoder: TextDecoder,
  chunk: Uint8Array | undefined,
  stream: boolean,
  status: number,
): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch (cause) {
    throw new InvalidResponseError('The answer is not valid UTF-8.', { status, cause });
  }
}

function tooLarge(status: number, maxBytes: number): InvalidResponseError {
  return new InvalidResponseError(`The answer is larger than ${maxBytes} bytes.`, { status });
}
