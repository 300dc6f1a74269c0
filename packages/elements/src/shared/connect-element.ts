import type { ConnectClient } from '@connect-auth/core';
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { StringId } from '../strings/en.ts';
import type { FormatParams } from '../strings/format.ts';
import type { StringOverrides } from '../strings/registry.ts';
import { baseStyles } from './base.styles.ts';
import { clientForBaseUrl } from './client.ts';
import type { FormControllerOptions } from './form-controller.ts';
import { uniqueId } from './ids.ts';
import { injectStyles } from './inject-styles.ts';
import { LocaleController } from './locale-controller.ts';
import { issueWarning } from './warn.ts';

/**
 * The thin base of every Connect element: light DOM (password managers cannot fill inputs in
 * shadow roots), configuration (`client` or `base-url`), strings, the shared stylesheet, and
 * focus moves between steps. Behaviour lives in controllers; this class only wires them.
 *
 * @example
 * ```ts
 * class MyStep extends ConnectElement { render() { return html`<p>${this.t('common.pending')}</p>`; } }
 * ```
 */
export class ConnectElement extends LitElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    baseUrl: { type: String, attribute: 'base-url' },
    strings: { attribute: false },
    supportUrl: { type: String, attribute: 'support-url' },
  };

  /** A client from `createConnectClient()`; wins over `base-url`. */
  declare client: ConnectClient | null | undefined;
  /** The Connect server's base URL; the element then shares one client per URL. */
  declare baseUrl: string | undefined;
  /** Per-instance string overrides (partial), on top of the locale's table. */
  declare strings: StringOverrides | null | undefined;
  /** Where "Contact Customer Services" points; without it the text has no link. */
  declare supportUrl: string | undefined;

  /** Document-unique prefix for the ids this element renders. */
  protected readonly idPrefix: string;
  protected readonly l10n: LocaleController;
  /** Styles of the subclass, injected once per document or shadow root. */
  protected static stylesheet: { name: string; cssText: string } | null = null;
  /** False for elements that never call the server (no `missing-client` warning). */
  protected static needsClient = true;
  #focusHeadingOnUpdate = false;

  constructor() {
    super();
    this.client = undefined;
    this.baseUrl = undefined;
    this.strings = undefined;
    this.supportUrl = undefined;
    this.idPrefix = uniqueId(this.localName.replace(/^connect-/, ''));
    this.l10n = new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Light DOM, so the styles go where this element is rendered: its document, or the shadow
    // root of a host component (where document styles do not reach).
    const root = this.getRootNode();
    injectStyles(root, 'base', baseStyles);
    const own = (this.constructor as typeof ConnectElement).stylesheet;
    if (own) injectStyles(root, own.name, own.cssText);
    if ((this.constructor as typeof ConnectElement).needsClient && !this.resolvedClient) {
      queueMicrotask(() => {
        if (this.isConnected && !this.resolvedClient) this.warnMissingClient();
      });
    }
  }

  /** The client in force: the `client` property, else the shared client for `base-url`. */
  get resolvedClient(): ConnectClient | null {
    if (this.client) return this.client;
    if (this.baseUrl) {
      const client = clientForBaseUrl(this.baseUrl);
      if (!client) {
        issueWarning('invalid-base-url', this.localName, `"${this.baseUrl}" is not a valid URL.`);
      }
      return client;
    }
    return null;
  }

  /** Print the `missing-client` development warning. */
  protected warnMissingClient(): void {
    issueWarning(
      'missing-client',
      this.localName,
      'Set the `client` property (a ConnectClient) or the `base-url` attribute. Submitting shows an error until then.',
    );
  }

  /**
   * What a form of this element needs: its id prefix, its client, and the `missing-client`
   * warning.
   *
   * @example
   * ```ts
   * readonly #form = new FormController(this, this.formOptions);
   * ```
   */
  protected get formOptions(): FormControllerOptions {
    return {
      idPrefix: this.idPrefix,
      getClient: () => this.resolvedClient,
      onMissingClient: () => this.warnMissingClient(),
    };
  }

  /** One localized string. */
  protected t(id: StringId, params?: FormatParams): string {
    return this.l10n.t(id, params);
  }

  /** Id of the current step's heading. */
  protected get headingId(): string {
    return `${this.idPrefix}-heading`;
  }

  /** After the next render, move focus to the current step's heading (call on a step change). */
  protected focusHeadingAfterUpdate(): void {
    this.#focusHeadingOnUpdate = true;
    this.requestUpdate();
  }

  // The first render waits for the strings of the element's language (a lazily loaded chunk);
  // later renders never wait.
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const strings = this.hasUpdated ? null : this.l10n.ready();
    if (strings) return strings.then(() => super.scheduleUpdate());
    super.scheduleUpdate();
    return undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusHeadingOnUpdate) {
      this.#focusHeadingOnUpdate = false;
      this.querySelector<HTMLElement>(`[id="${this.headingId}"]`)?.focus();
    }
  }
}
