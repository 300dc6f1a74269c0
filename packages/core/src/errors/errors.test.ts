import { runInNewContext } from 'node:vm';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  ERROR_STATUS,
  type ErrorCode,
  type KnownErrorCode,
  SERVER_ERROR_CODES,
  type ServerErrorCode,
} from '../contract/codes.ts';
import type { Problem } from '../contract/problem.ts';
import {
  AbortedError,
  CodeInvalidError,
  ConnectError,
  errorFromProblem,
  InvalidCredentialsError,
  InvalidResponseError,
  isConnectError,
  isKnownErrorCode,
  NetworkError,
  parseRetryAfter,
  RateLimitedError,
  ServerError,
  SessionInvalidError,
  TimeoutError,
  TokenError,
  TokenExpiredError,
  TokenInvalidError,
  TokenSupersededError,
  TokenUsedError,
  ValidationError,
  WeakPasswordError,
} from './index.ts';

const EXPECTED: Record<ServerErrorCode, new (...args: never[]) => ConnectError> = {
  invalid_credentials: InvalidCredentialsError,
  token_expired: TokenExpiredError,
  token_used: TokenUsedError,
  token_superseded: TokenSupersededError,
  token_invalid: TokenInvalidError,
  code_invalid: CodeInvalidError,
  weak_password: WeakPasswordError,
  rate_limited: RateLimitedError,
  validation_failed: ValidationError,
  session_invalid: SessionInvalidError,
  origin_forbidden: ConnectError,
  unsupported_media_type: ConnectError,
  payload_too_large: ConnectError,
  not_found: ConnectError,
  method_not_allowed: ConnectError,
  email_taken: ConnectError,
  admin_key_invalid: ConnectError,
  server_error: ServerError,
};

describe('errorFromProblem', () => {
  it.each(SERVER_ERROR_CODES)('maps %s to its class with status and problem', (code) => {
    const status = ERROR_STATUS[code];
    const problem: Problem = { code, title: `t-${code}`, status };
    const error = errorFromProblem(status, problem);
    expect(error).toBeInstanceOf(EXPECTED[code]);
    expect(error.constructor).toBe(EXPECTED[code]);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.problem).toBe(problem);
    expect(error.message).toBe(`t-${code}`);
    expect(isConnectError(error)).toBe(true);
  });

  it('prefers detail over title for the message', () => {
    const error = errorFromProblem(410, {
      code: 'token_used',
      title: 'Used',
      detail: 'Used at 10:00',
    });
    expect(error.message).toBe('Used at 10:00');
  });

  it('turns an unknown future code into a plain ConnectError with that code', () => {
    const error = errorFromProblem(409, { code: 'account_locked_v2' });
    expect(error.constructor).toBe(ConnectError);
    expect(error.code).toBe('account_locked_v2');
    expect(error.status).toBe(409);
    expect(isKnownErrorCode(error.code)).toBe(false);
  });

  it('does not treat Object.prototype members as codes', () => {
    expect(errorFromProblem(400, { code: 'constructor' }).constructor).toBe(ConnectError);
    expect(errorFromProblem(400, { code: '__proto__' }).constructor).toBe(ConnectError);
  });

  it('takes retryAfterMs from the problem first, then from Retry-After', () => {
    const headers = new Headers({ 'retry-after': '7' });
    expect(
      errorFromProblem(429, { code: 'rate_limited', retryAfterMs: 1500 }, headers).retryAfterMs,
    ).toBe(1500);
    expect(errorFromProblem(429, { code: 'rate_limited' }, headers).retryAfterMs).toBe(7000);
    expect(errorFromProblem(429, { code: 'rate_limited' }).retryAfterMs).toBeUndefined();
  });

  it('carries the per-rule results of weak_password', () => {
    const rules = [
      { id: 'min_length', level: 'required' as const, ok: false, params: { min: 12 } },
      { id: 'digit', level: 'required' as const, ok: true },
    ];
    const error = errorFromProblem(422, { code: 'weak_password', rules });
    expect(error).toBeInstanceOf(WeakPasswordError);
    expect((error as WeakPasswordError).rules).toEqual(rules);
    expect(new WeakPasswordError().rules).toEqual([]);
  });

  it('carries the field issues of validation_failed', () => {
    const issues = [{ path: ['email'], code: 'invalid_email' }];
    const error = errorFromProblem(400, { code: 'validation_failed', issues });
    expect((error as ValidationError).issues).toEqual(issues);
  });
});

/** The classes of the codes the client makes up itself (`server_error` is in EXPECTED). */
const CLIENT_ONLY: Record<string, new (...args: never[]) => ConnectError> = {
  network_error: NetworkError,
  timeout: TimeoutError,
  aborted: AbortedError,
  invalid_response: InvalidResponseError,
};

describe('error classes', () => {
  // Every subclass: those of the server codes (EXPECTED, the plain ConnectError aside) and the
  // client's own.
  it.each(
    [...Object.entries(EXPECTED), ...Object.entries(CLIENT_ONLY)]
      .filter(([, Class]) => Class !== ConnectError)
      .map(([code, Class]) => [Class, code] as const),
  )('%o has code %s, a default message and its own name', (Class, code) => {
    const error = new (Class as new () => ConnectError)();
    expect(error.code).toBe(code);
    expect(error.name).toBe(Class.name);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toBeInstanceOf(Error);
  });

  it('groups every token problem under TokenError', () => {
    for (const Class of [
      TokenExpiredError,
      TokenUsedError,
      TokenSupersededError,
      TokenInvalidError,
      CodeInvalidError,
    ]) {
      expect(new Class()).toBeInstanceOf(TokenError);
    }
    expect(new InvalidCredentialsError()).not.toBeInstanceOf(TokenError);
  });

  it('passes cause through', () => {
    const cause = new Error('socket hang up');
    expect(new NetworkError(undefined, { cause }).cause).toBe(cause);
  });
});

describe('isConnectError across copies of core', () => {
  it('recognises an error from a second module instance, where instanceof fails', async () => {
    vi.resetModules();
    const copy = await import('./connect-error.ts');
    const foreign = new copy.ConnectError('token_used', 'from the other copy');
    expect(copy.ConnectError).not.toBe(ConnectError);
    expect(foreign instanceof ConnectError).toBe(false);
    expect(isConnectError(foreign)).toBe(true);
  });

  it('recognises a branded object from another realm', () => {
    const foreign = runInNewContext(
      `const e = new Error('x'); Object.defineProperty(e, Symbol.for('@connect-auth/core/ConnectError'), { value: true }); e.code = 'timeout'; e`,
    );
    expect(foreign instanceof Error).toBe(false);
    expect(isConnectError(foreign)).toBe(true);
  });

  it('rejects look-alikes without the brand', () => {
    expect(isConnectError(new Error('x'))).toBe(false);
    expect(isConnectError({ code: 'timeout', name: 'ConnectError' })).toBe(false);
    expect(isConnectError(null)).toBe(false);
    expect(isConnectError('timeout')).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T08:00:00Z');
  it('reads delay seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 07:59:00 GMT', now)).toBe(0);
  });
  it('ignores garbage', () => {
    for (const value of [
      null,
      undefined,
      '',
      'soon',
      '-5',
      '1.5',
      '2026-11-28T08:00:30Z',
      '9'.repeat(400),
    ]) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('types', () => {
  it('keeps ErrorCode exhaustive for known codes and open to new ones', () => {
    expectTypeOf<'token_used'>().toExtend<ErrorCode>();
    expectTypeOf<'some_future_code'>().toExtend<ErrorCode>();
    expectTypeOf<KnownErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<'some_future_code'>().not.toExtend<KnownErrorCode>();
    expectTypeOf(new TokenUsedError().code).toEqualTypeOf<
      'token_expired' | 'token_used' | 'token_superseded' | 'token_invalid' | 'code_invalid'
    >();
    expectTypeOf(new WeakPasswordError().rules).toEqualTypeOf<
      readonly import('../contract/policy.ts').RuleResult[]
    >();
  });
});
