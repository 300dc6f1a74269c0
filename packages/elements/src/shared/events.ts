import type { ConnectError, ErrorCode, PasswordResetResult, Session } from '@connect-auth/core';

/** What a form was about to do when it submitted. */
export type ConnectAction =
  | 'request-reset'
  | 'verify-token'
  | 'complete-reset'
  | 'sign-in'
  | 'register'
  | 'change-password'
  | 'change-email';

const INIT = { bubbles: true, composed: true } as const;

/**
 * Fired before a form sends anything. Cancelable: call `preventDefault()` to stop the request
 * (for example to add a captcha step or to validate more). `formData` is the form's data as read
 * at submit; changes to it are not sent back.
 *
 * @example
 * ```ts
 * form.addEventListener('connect-before-submit', (event) => {
 *   if (event.action === 'register' && !termsAccepted()) event.preventDefault();
 * });
 * ```
 */
export class ConnectBeforeSubmitEvent extends Event {
  static readonly type = 'connect-before-submit';
  /** What the form is about to do. */
  readonly action: ConnectAction;
  /** The form's data as read at submit (a copy: changes are not sent). */
  readonly formData: FormData;
  constructor(action: ConnectAction, formData: FormData) {
    super(ConnectBeforeSubmitEvent.type, { ...INIT, cancelable: true });
    this.action = action;
    this.formData = formData;
  }
}

/**
 * Fired when a reset or activation email was requested. The server answers the same whether
 * or not the account exists, so this says nothing about the account.
 *
 * @example
 * ```ts
 * el.addEventListener('connect-reset-requested', (e) => analytics.track('reset', { resend: e.resend }));
 * ```
 */
export class ConnectResetRequestedEvent extends Event {
  static readonly type = 'connect-reset-requested';
  /** The address the email was requested for. */
  readonly email: string;
  /** True when this was a "send again". */
  readonly resend: boolean;
  constructor(email: string, resend: boolean) {
    super(ConnectResetRequestedEvent.type, INIT);
    this.email = email;
    this.resend = resend;
  }
}

/**
 * Fired when a new password was saved (with the link's token or with the emailed code).
 *
 * @example
 * ```ts
 * el.addEventListener('connect-password-reset', (e) => {
 *   if (e.activated) showWelcome(e.email);
 * });
 * ```
 */
export class ConnectPasswordResetEvent extends Event {
  static readonly type = 'connect-password-reset';
  /** The account's email. */
  readonly email: string;
  /** True when this reset activated an account migrated from the old portal. */
  readonly activated: boolean;
  /** Present only when the server signs users in after a reset. */
  readonly session: Session | undefined;
  constructor(result: PasswordResetResult) {
    super(ConnectPasswordResetEvent.type, INIT);
    this.email = result.email;
    this.activated = result.activated;
    this.session = result.session;
  }
}

/**
 * Fired after a successful sign-in.
 *
 * @example
 * ```ts
 * el.addEventListener('connect-signed-in', (e) => location.assign('/locks'));
 * ```
 */
export class ConnectSignedInEvent extends Event {
  static readonly type = 'connect-signed-in';
  /** The new session (account and access token). */
  readonly session: Session;
  constructor(session: Session) {
    super(ConnectSignedInEvent.type, INIT);
    this.session = session;
  }
}

/**
 * Fired after a registration was accepted (the same for new and existing emails).
 *
 * @example
 * ```ts
 * el.addEventListener('connect-registered', (e) => console.log('check mail', e.email));
 * ```
 */
export class ConnectRegisteredEvent extends Event {
  static readonly type = 'connect-registered';
  /** The address the confirmation was sent to. */
  readonly email: string;
  constructor(email: string) {
    super(ConnectRegisteredEvent.type, INIT);
    this.email = email;
  }
}

/**
 * Fired when a signed-in user changed their password. Every other session has ended; `session`
 * is this page's fresh one (the client already uses it).
 *
 * @example
 * ```ts
 * el.addEventListener('connect-password-changed', () => toast('Password changed'));
 * ```
 */
export class ConnectPasswordChangedEvent extends Event {
  static readonly type = 'connect-password-changed';
  /** The session after the change (this tab stays signed in; every other session was ended). */
  readonly session: Session;
  constructor(session: Session) {
    super(ConnectPasswordChangedEvent.type, INIT);
    this.session = session;
  }
}

/**
 * Fired when a confirmation link for an email change was requested. The server answers the same
 * whether or not the address can be used, so this says nothing about the address.
 *
 * @example
 * ```ts
 * el.addEventListener('connect-email-change-requested', (e) => console.log('link to', e.newEmail));
 * ```
 */
export class ConnectEmailChangeRequestedEvent extends Event {
  static readonly type = 'connect-email-change-requested';
  /** The address the confirmation link was sent to. */
  readonly newEmail: string;
  constructor(newEmail: string) {
    super(ConnectEmailChangeRequestedEvent.type, INIT);
    this.newEmail = newEmail;
  }
}

/**
 * Fired when a call failed. The element already shows a message; use this for logging.
 * `code` is `missing_client` when the element has no client.
 *
 * @example
 * ```ts
 * el.addEventListener('connect-error', (e) => logger.warn(e.action, e.code));
 * ```
 */
export class ConnectErrorEvent extends Event {
  static readonly type = 'connect-error';
  /** What the form was doing. */
  readonly action: ConnectAction;
  /** The stable error code (core's `ErrorCode`, or `missing_client`). */
  readonly code: ErrorCode | 'missing_client';
  /** The error the client threw, when there was one. */
  readonly error: ConnectError | undefined;
  constructor(action: ConnectAction, code: ErrorCode | 'missing_client', error?: ConnectError) {
    super(ConnectErrorEvent.type, INIT);
    this.action = action;
    this.code = code;
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'connect-before-submit': ConnectBeforeSubmitEvent;
    'connect-reset-requested': ConnectResetRequestedEvent;
    'connect-password-reset': ConnectPasswordResetEvent;
    'connect-signed-in': ConnectSignedInEvent;
    'connect-registered': ConnectRegisteredEvent;
    'connect-password-changed': ConnectPasswordChangedEvent;
    'connect-email-change-requested': ConnectEmailChangeRequestedEvent;
    'connect-error': ConnectErrorEvent;
  }
}
