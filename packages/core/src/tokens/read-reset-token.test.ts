// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readResetToken } from './read-reset-token.ts';

const go = (path: string) => window.history.replaceState(null, '', path);

afterEach(() => {
  vi.restoreAllMocks();
  go('/');
});

describe('readResetToken with the live location', () => {
  it('reads the token from the fragment and scrubs it, keeping other parts', () => {
    go('/reset?lang=fr#token=abc123&step=2');
    const state = { from: 'mail' };
    window.history.replaceState(state, '', window.location.href);
    expect(readResetToken()).toBe('abc123');
    expect(window.location.pathname).toBe('/reset');
    expect(window.location.search).toBe('?lang=fr');
    expect(window.location.hash).toBe('#step=2');
    expect(window.history.state).toEqual(state);
  });

  it('prefers the fragment over the query, and scrubs both', () => {
    go('/reset?token=fromquery&x=1#token=fromfragment');
    expect(readResetToken()).toBe('fromfragment');
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(
      '/reset?x=1',
    );
  });

  it('falls back to the query', () => {
    go('/verify?token=q1');
    expect(readResetToken()).toBe('q1');
    expect(window.location.search).toBe('');
  });

  it('returns null and leaves the address alone when there is no token', () => {
    go('/reset?lang=fr#section');
    const spy = vi.spyOn(window.history, 'replaceState');
    expect(readResetToken()).toBeNull();
    expect(spy).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('#section');
  });

  it('still returns the token when replaceState is forbidden', () => {
    go('/reset#token=t1');
    vi.spyOn(window.history, 'replaceState').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(readResetToken()).toBe('t1');
  });
});

describe('readResetToken with a given location', () => {
  it('reads from a URL string, a URL or a location-like object without scrubbing', () => {
    go('/page#token=live');
    const spy = vi.spyOn(window.history, 'replaceState');
    expect(readResetToken('https://portal.test/reset#token=s1')).toBe('s1');
    expect(readResetToken(new URL('https://portal.test/reset?token=u1'))).toBe('u1');
    expect(readResetToken({ search: '', hash: '#token=o1' })).toBe('o1');
    expect(readResetToken({ search: '?a=1', hash: '#token=' })).toBeNull();
    expect(readResetToken('https://portal.test/reset')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('#token=live');
  });
});
