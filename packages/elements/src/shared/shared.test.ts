import { afterEach, describe, expect, it, vi } from 'vitest';
import '../define/sign-in.ts';
import '../define/register.ts';
import { autofill, mount, submit, untilStep } from '../../test/dom.ts';
import { BASE, EMAIL, requestsTo } from '../../test/server.ts';
import { clientForBaseUrl } from './client.ts';
import { issueWarning } from './warn.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('issueWarning', () => {
  it('warns once per code and element, with the code and a docs link', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    issueWarning('invalid-base-url', 'x-test', 'bad URL');
    issueWarning('invalid-base-url', 'x-test', 'bad URL');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/invalid-base-url.*bad URL.*#invalid-base-url/);
  });
});

describe('clients from base-url', () => {
  it('shares one client per base URL and refuses unusable URLs', () => {
    expect(clientForBaseUrl(BASE)).toBe(clientForBaseUrl(`${BASE}/`));
    expect(clientForBaseUrl(BASE)).not.toBe(clientForBaseUrl('https://other.test'));
    expect(clientForBaseUrl('http://[bad')).toBeNull();
  });

  it('lets an element work from the base-url attribute alone', async () => {
    const el = document.createElement('connect-sign-in');
    el.setAttribute('base-url', BASE);
    await mount(el);
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="password"]', 'Secret123!');
    submit(el);
    await untilStep(el, 'done');
    expect(requestsTo('/v1/sessions')).toHaveLength(1);
  });
});

describe('missing client', () => {
  it('prints the missing-client development warning when connected without client or base-url', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await mount(document.createElement('connect-register'));
    await Promise.resolve();
    expect(warn.mock.calls.some(([message]) => String(message).includes('missing-client'))).toBe(
      true,
    );
  });
});

describe('stylesheet', () => {
  it('is injected once per document, inside the connect-auth cascade layer', async () => {
    await mount(document.createElement('connect-sign-in'));
    await mount(document.createElement('connect-sign-in'));
    const base = document.head.querySelectorAll('style[data-connect-auth="base"]');
    expect(base).toHaveLength(1);
    expect(base[0]?.textContent).toMatch(/^\s*@layer connect-auth \{/);
    expect(
      document.head.querySelectorAll('style[data-connect-auth="password-input"]'),
    ).toHaveLength(1);
  });
});
