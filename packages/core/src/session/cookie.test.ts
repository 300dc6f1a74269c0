import { describe, expect, it } from 'vitest';
import { readRefreshCookie, refreshCookieHeader } from './cookie.ts';

const headers = (...lines: string[]) =>
  new Headers(lines.map((line) => ['set-cookie', line] as [string, string]));
const NOW = Date.parse('2026-11-28T08:00:00Z');

describe('readRefreshCookie', () => {
  it('finds the refresh cookie among others', () => {
    expect(
      readRefreshCookie(
        headers('theme=dark', '__Host-connect_refresh=abc_DEF-1; Path=/; HttpOnly; Secure'),
        NOW,
      ),
    ).toBe('abc_DEF-1');
  });
  it('answers undefined when the answer does not mention it', () => {
    expect(readRefreshCookie(headers('theme=dark'), NOW)).toBeUndefined();
    expect(readRefreshCookie(new Headers(), NOW)).toBeUndefined();
  });
  it.each([
    '__Host-connect_refresh=; Path=/',
    '__Host-connect_refresh=x; Max-Age=0',
    '__Host-connect_refresh=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    '__Host-connect_refresh=bad value',
  ])('treats %j as a deletion', (line) => {
    expect(readRefreshCookie(headers(line), NOW)).toBeNull();
  });
  it('keeps a cookie with a future expiry', () => {
    expect(
      readRefreshCookie(
        headers('__Host-connect_refresh=x; Expires=Sun, 28 Nov 2027 08:00:00 GMT'),
        NOW,
      ),
    ).toBe('x');
  });
});

describe('refreshCookieHeader', () => {
  it('builds the Cookie header, refusing unsafe values', () => {
    expect(refreshCookieHeader('abc')).toBe('__Host-connect_refresh=abc');
    expect(refreshCookieHeader('a;b')).toBeUndefined();
    expect(refreshCookieHeader('a\r\nb')).toBeUndefined();
    expect(refreshCookieHeader('')).toBeUndefined();
  });
});
