import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import './all.ts';
import { http } from 'msw';
import { autofill, mount, settle, submit, untilStep } from '../test/dom.ts';
import { BASE, EMAIL, makeClient, problem, server, TOKEN } from '../test/server.ts';

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    // happy-dom has no layout: contrast and target size cannot be computed here (the browser
    // tests check them in Chromium).
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('axe (structure rules)', () => {
  it('is really checking here (control: an unlabelled input and a bad autocomplete fail)', async () => {
    const bad = document.createElement('div');
    bad.innerHTML = '<input type="text" autocomplete="username email">';
    document.body.append(bad);
    const found = await violations(bad);
    expect(found.some((v) => v.startsWith('label'))).toBe(true);
    expect(found.some((v) => v.startsWith('autocomplete-valid'))).toBe(true);
  });

  for (const tag of [
    'connect-sign-in',
    'connect-lost-password',
    'connect-register',
    'connect-password-input',
    'connect-change-password',
    'connect-change-email',
  ] as const) {
    it(`<${tag}> has no violations, also with errors shown`, async () => {
      const el = document.createElement(tag) as HTMLElement & { client: unknown };
      el.client = makeClient();
      await mount(el);
      expect(await violations(el)).toEqual([]);
      if (el.querySelector('form')) {
        submit(el);
        await settle(el);
        expect(el.querySelector('[aria-invalid="true"]')).not.toBeNull();
        expect(await violations(el)).toEqual([]);
      }
    });
  }

  it('<connect-lost-password> sent and code steps have no violations', async () => {
    const el = document.createElement('connect-lost-password');
    el.client = makeClient();
    await mount(el);
    autofill(el, 'input[name="email"]', EMAIL);
    submit(el);
    await untilStep(el, 'sent');
    expect(await violations(el)).toEqual([]);
    el.querySelector<HTMLButtonElement>('button[data-action="code"]')?.click();
    await untilStep(el, 'code');
    expect(await violations(el)).toEqual([]);
  });

  it('<connect-reset-password> expired step has no violations', async () => {
    server.use(http.post(`${BASE}/v1/password-resets/verify`, () => problem('token_expired', 410)));
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    el.client = makeClient();
    await mount(el);
    await untilStep(el, 'expired');
    expect(await violations(el)).toEqual([]);
  });

  it('<connect-reset-password> form step has no violations', async () => {
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    el.client = makeClient();
    await mount(el);
    await untilStep(el, 'form');
    expect(await violations(el)).toEqual([]);
  });
});
