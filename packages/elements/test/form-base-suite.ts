import type { ConnectClient } from '@connect-auth/core';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../src/strings/en.ts';
import { settle, submit, textOf } from './dom.ts';
import { BASE, makeClient, problem, requestsTo, server } from './server.ts';

/** What the shared suite needs to know about one form. */
export interface FormBaseCase {
  /** Set up the element before it is connected (token, attributes). */
  setup?: (element: HTMLElement) => void;
  /** Wait until the form to test is on screen (e.g. after verifying a token). */
  ready?: (element: HTMLElement) => Promise<void>;
  /** Fill valid values WITHOUT input events (as autofill does); returns the expected body. */
  fill: (element: HTMLElement) => Record<string, unknown>;
  /** The request a valid submit sends. */
  path: string;
}

type Configurable = HTMLElement & { client: ConnectClient | null | undefined };

/** A client whose calls record the `signal` they were given. */
function spyClient(): { client: ConnectClient; signals: AbortSignal[] } {
  const real = makeClient();
  const signals: AbortSignal[] = [];
  const client = new Proxy(real, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        for (const arg of args) {
          const signal = (arg as { signal?: AbortSignal } | undefined)?.signal;
          if (signal instanceof AbortSignal) signals.push(signal);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client, signals };
}

/**
 * The behaviour every Connect form shares (Web Awesome runs the same base tests on every form
 * control): FormData read at submit, error summary focus, aria wiring, pending state, missing
 * client, abort on disconnect, cancelable before-submit.
 */
export function runFormBaseSuite(tagName: string, spec: FormBaseCase): void {
  async function create(client: ConnectClient | null = makeClient()): Promise<Configurable> {
    const element = document.createElement(tagName) as Configurable;
    element.client = client;
    spec.setup?.(element);
    document.body.append(element);
    await settle(element);
    await spec.ready?.(element);
    await settle(element);
    return element;
  }

  describe(`<${tagName}>: shared form behaviour`, () => {
    it('reads the values with FormData at submit, even when no input event fired (autofill)', async () => {
      const element = await create();
      const expected = spec.fill(element);
      submit(element);
      await vi.waitFor(() => expect(requestsTo(spec.path)[0]?.body).toEqual(expected));
      expect(requestsTo(spec.path)).toHaveLength(1);
    });

    it('focuses an error summary with role="alert" after a failed submit', async () => {
      server.use(http.post(`${BASE}${spec.path}`, () => problem('server_error', 500)));
      const element = await create();
      spec.fill(element);
      submit(element);
      await vi.waitFor(() =>
        expect(element.querySelector('.connect-error-summary')).not.toBeNull(),
      );
      await settle(element);
      const summary = element.querySelector<HTMLElement>('.connect-error-summary');
      expect(summary?.getAttribute('role')).toBe('alert');
      expect(textOf(summary)).toContain(en['error.server_error']);
      await vi.waitFor(() => expect(document.activeElement).toBe(summary));
    });

    it('marks invalid fields with aria-invalid and describes them by their error', async () => {
      const element = await create();
      submit(element); // nothing filled in
      await settle(element);
      const invalid = [...element.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')];
      expect(invalid.length).toBeGreaterThan(0);
      for (const input of invalid) {
        const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const messages = ids.map((id) => element.querySelector(`[id="${id}"]`));
        expect(messages.some((node) => node?.classList.contains('connect-field-error'))).toBe(true);
        expect(messages.every((node) => textOf(node) !== '')).toBe(true);
      }
      expect(requestsTo(spec.path)).toHaveLength(0);
      const summary = element.querySelector<HTMLElement>('.connect-error-summary');
      await vi.waitFor(() => expect(document.activeElement).toBe(summary));
      // Each summary link points at an input in error.
      const targets = [...(summary?.querySelectorAll('a') ?? [])].map((a) =>
        a.getAttribute('href')?.slice(1),
      );
      expect(targets.sort()).toEqual(invalid.map((input) => input.id).sort());
    });

    it('disables the submit button while the request is pending', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      server.use(
        http.post(`${BASE}${spec.path}`, async () => {
          await gate;
          return problem('server_error', 500);
        }),
      );
      const element = await create();
      spec.fill(element);
      submit(element);
      const button = () => element.querySelector<HTMLButtonElement>('button[type="submit"]');
      await vi.waitFor(() => expect(button()?.disabled).toBe(true));
      expect(element.hasAttribute('data-pending')).toBe(true);
      release();
      await vi.waitFor(() => expect(button()?.disabled).toBe(false));
      expect(element.hasAttribute('data-pending')).toBe(false);
    });

    it('shows a visible error, and does not crash, when no client is configured', async () => {
      const element = await create();
      element.client = null;
      await settle(element);
      const errors: string[] = [];
      element.addEventListener('connect-error', (event) => errors.push(String(event.code)));
      const before = requestsTo(spec.path).length;
      spec.fill(element);
      submit(element);
      await settle(element);
      expect(textOf(element.querySelector('.connect-error-summary'))).toContain(
        en['error.missing_client'],
      );
      expect(errors).toEqual(['missing_client']);
      expect(requestsTo(spec.path)).toHaveLength(before);
    });

    it('aborts the pending request when the element leaves the document', async () => {
      server.use(http.post(`${BASE}${spec.path}`, () => new Promise<Response>(() => {})));
      const { client, signals } = spyClient();
      const element = await create(client);
      const before = signals.length;
      spec.fill(element);
      submit(element);
      await vi.waitFor(() => expect(signals.length).toBeGreaterThan(before));
      const signal = signals.at(-1);
      expect(signal?.aborted).toBe(false);
      element.remove();
      expect(signal?.aborted).toBe(true);
    });

    it('does not send anything when connect-before-submit is cancelled', async () => {
      const element = await create();
      const actions: string[] = [];
      element.addEventListener('connect-before-submit', (event) => {
        actions.push(event.action);
        expect(event.formData).toBeInstanceOf(FormData);
        event.preventDefault();
      });
      const before = requestsTo(spec.path).length;
      spec.fill(element);
      submit(element);
      await settle(element);
      expect(actions).toHaveLength(1);
      expect(requestsTo(spec.path)).toHaveLength(before);
      expect(element.querySelector('button[type="submit"][disabled]')).toBeNull();
    });
  });
}
