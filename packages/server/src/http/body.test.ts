import { RequestPasswordResetBody } from '@connect-auth/core/contract';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict, readJsonObject, validate } from './body.ts';
import { ProblemError } from './problem.ts';

/** What every JSON route does: read the object, then validate it against the route's schema. */
const readJson = async (request: Request, schema: typeof RequestPasswordResetBody) =>
  validate(await readJsonObject(request), schema);

const req = (body: BodyInit, type = 'application/json') =>
  new Request('http://x/', { method: 'POST', body, headers: { 'content-type': type } });

async function code(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof ProblemError
      ? `${error.code}:${error.extras.issues?.[0]?.code ?? ''}`
      : 'other';
  }
}

describe('readJson', () => {
  it('accepts a strict, valid body', async () => {
    expect(await readJson(req('{"email":"a@b.io"}'), RequestPasswordResetBody)).toEqual({
      email: 'a@b.io',
    });
  });

  it('maps every failure to a problem code', async () => {
    expect(await code(readJson(req('{}', 'text/plain'), RequestPasswordResetBody))).toBe(
      'unsupported_media_type:',
    );
    expect(await code(readJson(req('x'.repeat(16 * 1024 + 1)), RequestPasswordResetBody))).toBe(
      'payload_too_large:',
    );
    expect(await code(readJson(req('{'), RequestPasswordResetBody))).toBe(
      'validation_failed:invalid_json',
    );
    expect(await code(readJson(req(new Uint8Array([0xff])), RequestPasswordResetBody))).toBe(
      'validation_failed:invalid_encoding',
    );
    expect(await code(readJson(req('[1]'), RequestPasswordResetBody))).toBe(
      'validation_failed:not_an_object',
    );
    expect(await code(readJson(req('{}'), RequestPasswordResetBody))).toBe(
      'validation_failed:required',
    );
    expect(await code(readJson(req('{"email":"a@b.io","x":1}'), RequestPasswordResetBody))).toBe(
      'validation_failed:unknown_field',
    );
    expect(await code(readJson(req('{"email":["a@b.io"]}'), RequestPasswordResetBody))).toBe(
      'validation_failed:invalid_type',
    );
    expect(await code(readJson(req('{"email":"nope"}'), RequestPasswordResetBody))).toBe(
      'validation_failed:invalid_email',
    );
  });

  it('refuses prototype keys at any depth without touching Object.prototype', () => {
    for (const text of [
      '{"__proto__":{"p":1}}',
      '{"a":[{"constructor":{"prototype":{"p":1}}}]}',
      '{"prototype":1}',
    ]) {
      expect(() => parseJsonStrict(text)).toThrow(ProblemError);
    }
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});
