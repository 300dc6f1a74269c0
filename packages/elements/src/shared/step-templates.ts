import type { ConnectClient } from '@connect-auth/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StringOverrides } from '../strings/registry.ts';
import { heading } from './templates.ts';

/**
 * A confirmation box: the step's heading and, when given, one paragraph. Hook:
 * `.connect-notice[data-state="sent|success"]`.
 *
 * @example
 * ```ts
 * notice('success', this.headingId, t('signin.done_heading'), t('signin.done_body', { email }))
 * ```
 */
export function notice(
  state: 'sent' | 'success',
  headingId: string,
  title: string,
  body?: string,
): TemplateResult {
  return html`<div class="connect-notice" data-state=${state}>
    ${heading(headingId, title)}
    ${body === undefined ? nothing : html`<p class="connect-text">${body}</p>`}
  </div>`;
}

/** The element a {@link signInNext} serves: its client, strings and links. */
export interface SignInNextHost {
  readonly resolvedClient: ConnectClient | null;
  strings: StringOverrides | null | undefined;
  supportUrl: string | undefined;
  signInUrl: string | undefined;
}

/**
 * What follows a saved password: a `<connect-sign-in>` in place (`embedded`, the email carried
 * over), or a link to the host's `sign-in-url` (`data-action` from `action`, if given).
 *
 * @example
 * ```ts
 * signInNext(this, this._step === 'sign-in', email, t('reset.sign_in'), 'sign-in')
 * ```
 */
export function signInNext(
  host: SignInNextHost,
  embedded: boolean,
  email: string,
  label: string,
  action?: string,
): TemplateResult {
  return embedded
    ? html`<connect-sign-in .client=${host.resolvedClient} .strings=${host.strings} email=${email}
        support-url=${ifDefined(host.supportUrl)} data-embedded></connect-sign-in>`
    : html`<a class="connect-button" data-action=${ifDefined(action)} href=${host.signInUrl ?? ''}>${label}</a>`;
}
