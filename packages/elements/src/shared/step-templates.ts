import type { ConnectClient } from '@connect-auth/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StringOverrides } from '../strings/registry.ts';
import { heading } from './templates.ts';

/**
 * A confirmation box: the step's heading and, when given, one paragraph. Hook:
 * `.connect-notice[data-state="sent|success"]`.
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

/** The element a {@link savedStep} serves: its client, strings and links. */
export interface SavedStepHost {
  readonly resolvedClient: ConnectClient | null;
  strings: StringOverrides | null | undefined;
  supportUrl: string | undefined;
  signInUrl: string | undefined;
}

/** What a {@link savedStep} says. */
export interface SavedStep {
  headingId: string;
  title: string;
  body: string;
  /** The account's email, carried over to the sign-in form. */
  email: string;
  /** Sign in here (`<connect-sign-in>` in place) rather than with a link to `sign-in-url`. */
  embedded: boolean;
  /** The link's text. */
  signIn: string;
}

/**
 * The step after a saved password (`data-part="done"`): a success notice, then a
 * `<connect-sign-in>` in place (`embedded`, the email carried over) or a "Sign in" link
 * (`data-action="sign-in"`) to the host's `sign-in-url`.
 */
export function savedStep(host: SavedStepHost, step: SavedStep): TemplateResult {
  return html`<div class="connect-step" data-part="done">
    ${notice('success', step.headingId, step.title, step.body)}
    ${
      step.embedded
        ? html`<connect-sign-in .client=${host.resolvedClient} .strings=${host.strings} email=${step.email}
            support-url=${ifDefined(host.supportUrl)} data-embedded></connect-sign-in>`
        : html`<a class="connect-button" data-action="sign-in" href=${host.signInUrl ?? ''}>${step.signIn}</a>`
    }
  </div>`;
}
