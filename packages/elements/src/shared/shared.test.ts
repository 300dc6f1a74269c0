import { afterEach, describe, expect, it, vi } from 'vitest';
import '../define/sign-in.ts';
import '../define/register.ts';
import { autofill, mount, settle, submit, untilStep } from '../../test/dom.ts';
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

  it('is adopted into a shadow root once per root, light DOM kept', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    for (let i = 0; i < 2; i += 1) {
      const el = document.createElement('connect-sign-in');
      shadow.append(el);
      await settle(el);
      expect(el.shadowRoot).toBeNull();
      expect(el.querySelector('input[name="email"]')).not.toBeNull();
    }
    // Base and password-input, once each (happy-dom does not parse @layer rules, so the
    // computed style is checked in Chromium: test/artifact/browser.test.ts).
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    expect(shadow.adoptedStyleSheets[0]).not.toBe(shadow.adoptedStyleSheets[1]);
    expect(shadow.querySelector('style')).toBeNull();

    // A second root gets the same sheets; the first keeps its own list.
    const other = document.createElement('div').attachShadow({ mode: 'open' });
    document.body.append(other.host);
    const el = document.createElement('connect-password-input');
    other.append(el);
    await settle(el);
    expect(other.adoptedStyleSheets).toHaveLength(2);
    expect(other.adoptedStyleSheets[0]).toBe(shadow.adoptedStyleSheets[0]);
  });

  it('falls back to <style> elements in a shadow root that cannot adopt sheets', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    Object.defineProperty(shadow, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new DOMException('not allowed', 'NotAllowedError');
      },
    });
    const el = document.createElement('connect-sign-in');
    shadow.append(el);
    await settle(el);
    expect(el.querySelector('form')).not.toBeNull();
    expect(shadow.querySelectorAll('style[data-connect-auth="base"]')).toHaveLength(1);
    expect(shadow.querySelectorAll('style[data-connect-auth="password-input"]')).toHaveLength(1);
    expect(shadow.firstElementChild?.localName).toBe('style');
  });
});
