/**
 * What the two pages that only follow a mailed link share (`/verify-email`, `/confirm-email`):
 * read the token from the address (scrubbing it), make one call with it, report in the host's
 * `[data-part="status"]`, and offer `[data-part="next"]` (sign in) when it makes sense.
 */
import { isConnectError, readResetToken } from '@connect-auth/core';

/** How one link page reports. */
export interface LinkPage {
  /** Said when the address holds no token. */
  missing: string;
  /** The call with the token; resolves to the message of success. */
  run(token: string): Promise<string>;
  /** `data-state` on success. */
  done: string;
  /** `data-state` for an error code. */
  stateOf(code: string): string;
  /** Message per error code (others: "Something went wrong"). */
  messages: Record<string, string>;
  /** States in which "sign in" is offered (success always). */
  next?: readonly string[];
}

/**
 * Run a link page in `host`.
 *
 * @example
 * ```ts
 * void linkPage(host, { missing: '…', run: async (t) => '…', done: 'ok', stateOf: (c) => c, messages: {} });
 * ```
 */
export async function linkPage(host: HTMLElement, page: LinkPage): Promise<void> {
  const status = host.querySelector<HTMLElement>('[data-part="status"]');
  const next = host.querySelector<HTMLElement>('[data-part="next"]');
  if (!status || !next) return;
  const show = (state: string, message: string) => {
    host.dataset.state = state;
    status.textContent = message;
    next.hidden = state !== page.done && !page.next?.includes(state);
  };
  const token = readResetToken();
  if (!token) {
    show('invalid', page.missing);
    return;
  }
  try {
    show(page.done, await page.run(token));
  } catch (error) {
    const code = isConnectError(error) ? error.code : 'unknown';
    show(page.stateOf(code), page.messages[code] ?? 'Something went wrong. Please try again.');
  }
}
