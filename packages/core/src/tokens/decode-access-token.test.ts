import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../errors/index.ts';
import { decodeAccessToken } from './decode-access-token.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeAccessToken', () => {
  it('decodes the claims without verifying', () => {
    const token = `${b64({ alg: 'EdDSA', typ: 'at+jwt' })}.${b64({ sub: 'acc_1', exp: 1 })}.sig`;
    expect(decodeAccessToken(token)).toEqual({ sub: 'acc_1', exp: 1 });
  });

  it.each(['', 'abc', 'a.b.c', `${b64({})}.${Buffer.from('not json').toString('base64url')}.x`])(
    'rejects %j with InvalidResponseError',
    (token) => {
      expect(() => decodeAccessToken(token)).toThrow(InvalidResponseError);
    },
  );

  it('throws TypeError for a non-string', () => {
    expect(() => decodeAccessToken(undefined as never)).toThrow(TypeError);
  });
});
