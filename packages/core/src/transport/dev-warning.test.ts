// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../errors/index.ts';
import { createTransport } from './transport.ts';

const refuse = () => Promise.reject(new TypeError('Failed to fetch'));

async function fail(baseUrl: string): Promise<unknown> {
  const transport = createTransport({ baseUrl, fetch: refuse, retry: false });
  return transport
    .request({ route: 'requestPasswordReset', body: { email: 'a@example.com' } })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

describe('a cross-origin call without an answer, in development', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  afterEach(() => {
    warn.mockClear();
    vi.unstubAllEnvs();
  });

  it('warns once per server, naming --allowed-origins and ALLOWED_ORIGINS with this page’s origin', async () => {
    expect(location.origin).not.toBe('http://api-one.example:8787');
    expect(await fail('http://api-one.example:8787')).toBeInstanceOf(NetworkError);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain('http://api-one.example:8787');
    expect(message).toContain(`--allowed-origins ${location.origin}`);
    expect(message).toContain('ALLOWED_ORIGINS');
    expect(message).toContain('docs/cors.md');
    await fail('http://api-one.example:8787/prefix');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('is silent on the page’s own origin', async () => {
    expect(await fail(`${location.origin}/api`)).toBeInstanceOf(NetworkError);
    expect(warn).not.toHaveBeenCalled();
  });

  it('is silent in production (NODE_ENV=production, as bundlers set it)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(await fail('http://api-two.example:8787')).toBeInstanceOf(NetworkError);
    expect(warn).not.toHaveBeenCalled();
  });
});
