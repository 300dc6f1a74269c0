import { describe, expect, expectTypeOf, it } from 'vitest';
import { createConnectClient } from './client.ts';
import * as core from './index.ts';
import type { ConnectClient } from './types.ts';

describe('createConnectClient', () => {
  it('throws TypeError for bad options, at creation', () => {
    expect(() => createConnectClient(undefined as never)).toThrow(TypeError);
    expect(() => createConnectClient({} as never)).toThrow(TypeError);
    expect(() => createConnectClient({ baseUrl: 'nope' })).toThrow(TypeError);
    expect(() =>
      createConnectClient({ baseUrl: 'https://x.test', refreshBeforeExpiryMs: -1 }),
    ).toThrow(TypeError);
    // A storage without load/save used to pass here and throw at the first sign-in or refresh.
    for (const storage of [{}, { load: () => null }, 'file', null]) {
      expect(() =>
        createConnectClient({ baseUrl: 'https://x.test', storage: storage as never }),
      ).toThrow(TypeError);
    }
  });

  it('starts signed out and returns unsubscribe functions', () => {
    const client = createConnectClient({ baseUrl: new URL('https://connect.test') });
    expect(client.session).toBeNull();
    const off = client.onSessionChange(() => undefined);
    expect(typeof off).toBe('function');
    off();
    expectTypeOf(client).toEqualTypeOf<ConnectClient>();
  });
});

describe('public surface', () => {
  it('exports the client, every error class, helpers and the policy', () => {
    for (const name of [
      'createConnectClient',
      'isConnectError',
      'errorFromProblem',
      'ConnectError',
      'NetworkError',
      'TimeoutError',
      'AbortedError',
      'InvalidResponseError',
      'ServerError',
      'RateLimitedError',
      'InvalidCredentialsError',
      'TokenError',
      'TokenExpiredError',
      'TokenUsedError',
      'TokenSupersededError',
      'TokenInvalidError',
      'CodeInvalidError',
      'WeakPasswordError',
      'ValidationError',
      'SessionInvalidError',
      'readResetToken',
      'decodeAccessToken',
      'memoryStorage',
      'normalizeResetCode',
      'canonicalizeEmail',
      'evaluatePassword',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
  });

  it('does not export the Node-only helpers from the browser entry', () => {
    expect(core).not.toHaveProperty('verifyAccessToken');
    expect(core).not.toHaveProperty('fileStorage');
  });
});
