import { describe, expect, it } from 'vitest';
import { ProblemError } from './problem.ts';
import { createRouter } from './router.ts';

describe('router', () => {
  const ok = async () => new Response('ok');
  const router = createRouter()
    .add('POST', '/v1/sessions', ok)
    .add('GET', '/v1/password-policy', ok);

  it('matches exact method and path; HEAD falls back to GET', () => {
    expect(router.match('POST', '/v1/sessions')).toBe(ok);
    expect(router.match('HEAD', '/v1/password-policy')).toBe(ok);
  });

  it('answers 404 for unknown paths and 405 with Allow for other methods', () => {
    expect(() => router.match('POST', '/v1/sessions/')).toThrow(ProblemError);
    const error = (() => {
      try {
        router.match('GET', '/v1/sessions');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).code).toBe('method_not_allowed');
    expect((error as ProblemError).headers.allow).toBe('POST, OPTIONS');
    expect(() => createRouter().add('GET', '/a', ok).add('GET', '/a', ok)).toThrow(TypeError);
  });
});
