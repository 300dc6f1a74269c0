/**
 * The words of every mail, described once per template as a list of blocks (paragraphs,
 * a link button, a code box). `templates.ts` renders the blocks to plain text and HTML, so the
 * two parts never say different things. Values here are raw: escaping happens at rendering.
 */

import { formatUtc, validity } from './format.ts';
import type { MailPayloads, MailTemplate, RenderOptions } from './templates.ts';

/**
 * Inline content of a paragraph: text, or a link (shown as its URL unless `text` is given).
 *
 * @example
 * ```ts
 * const parts: Inline[] = ['Contact Customer Services: ', { href: supportUrl }];
 * ```
 */
export type Inline = string | { href: string; text?: string };
/**
 * One block of a mail body.
 *
 * @example
 * ```ts
 * const block: Block = { code: '12345678' };
 * ```
 */
export type Block = { p: Inline[] } | { button: { url: string; label: string } } | { code: string };
/**
 * A mail before rendering.
 *
 * @example
 * ```ts
 * const c: Content = { subject: 'Hello', title: 'Hello', blocks: [{ p: ['Hi'] }] };
 * ```
 */
export interface Content {
  subject: string;
  title: string;
  blocks: Block[];
}

/** How long the link and code of a reset or activation mail work, and that only the newest does. */
function linkValidity(expiresAt: string, requestedAt: Date | undefined): Block {
  return {
    p: [
      `The link and the code are valid ${validity(new Date(expiresAt), requestedAt)}, and work once. If you asked more than once, only the newest email works.`,
    ],
  };
}

function support(supportUrl: string, lead: string): Block {
  return { p: [`${lead} Contact Customer Services: `, { href: supportUrl }] };
}

/**
 * The content of a mail whose payload has already been checked against its template.
 *
 * @example
 * ```ts
 * mailContent('password_changed', { activated: true, at: '2026-11-28T08:00:00Z' }, opts).subject;
 * ```
 */
export function mailContent(template: MailTemplate, data: unknown, o: RenderOptions): Content {
  const name = o.productName;
  switch (template) {
    case 'password_reset': {
      const d = data as MailPayloads['password_reset'];
      return {
        subject: `Password Reset Request for ${name}`,
        title: 'Reset your password',
        blocks: [
          {
            p: [
              `We received a request to reset the password of the ${name} account that uses this email address.`,
            ],
          },
          { button: { url: d.link, label: 'Choose a new password' } },
          {
            p: [
              'If the link does not open, enter this one-time code on the password reset page instead:',
            ],
          },
          { code: d.code },
          linkValidity(d.expiresAt, o.requestedAt),
          {
            p: [
              'Did not ask for this? You can ignore this email: your password stays as it is, and the link is of no use to anyone without access to your mailbox.',
            ],
          },
          support(o.supportUrl, 'Cannot use the link or the code?'),
        ],
      };
    }
    case 'account_activation': {
      const d = data as MailPayloads['account_activation'];
      return {
        subject: `Password Reset Request for ${name}`,
        title: `Activate your ${name} account`,
        blocks: [
          {
            p: [
              `Your account from the previous portal is now on ${name}. You still sign in with this email address; to activate the account, choose a new password.`,
            ],
          },
          { button: { url: d.link, label: 'Activate my account' } },
          {
            p: [
              'If the link does not open, enter this one-time code on the activation page instead:',
            ],
          },
          { code: d.code },
          linkValidity(d.expiresAt, o.requestedAt),
          {
            p: [
              'Activating confirms that this email address is still yours, so that account information reaches the person who controls both the account and the mailbox, and lets you choose a new, strong password.',
            ],
          },
          {
            p: [
              'Did not ask for this? You can ignore this email: nothing changes until a new password is chosen with this link or code.',
            ],
          },
          support(
            o.supportUrl,
            'Cannot use the link, or no longer have access to this mailbox? Customer Services can help you regain access, though they cannot move locks between accounts or open an account whose ownership cannot be verified.',
          ),
        ],
      };
    }
    case 'password_changed': {
      const d = data as MailPayloads['password_changed'];
      const when = formatUtc(new Date(d.at));
      const lead = d.activated
        ? `Your ${name} account was activated with a new password at ${when}. You can now sign in with this email address and your new password.`
        : `The password of your ${name} account was changed at ${when}. Every device that was signed in has been signed out: sign in again with your new password.`;
      return {
        subject: d.activated
          ? `Your ${name} account is active`
          : `Your ${name} password was changed`,
        title: d.activated ? 'Your account is active' : 'Your password was changed',
        blocks: [
          { p: [lead] },
          { p: ['If this was you, there is nothing else to do.'] },
          support(
            o.supportUrl,
            'If this was not you, someone may be able to read your email: secure your mailbox, then choose a new password with "Lost password" on the sign-in page.',
          ),
        ],
      };
    }
    case 'verify_email': {
      const d = data as MailPayloads['verify_email'];
      return {
        subject: `Confirm your email address for ${name}`,
        title: 'Confirm your email address',
        blocks: [
          {
            p: [
              `Thank you for registering with ${name}. Confirm that this email address is yours to activate your account.`,
            ],
          },
          { button: { url: d.link, label: 'Confirm my email address' } },
          {
            p: [
              `The link is valid ${validity(new Date(d.expiresAt), o.requestedAt)}, and works once.`,
            ],
          },
          { p: ['Did not register? You can ignore this email: the account stays inactive.'] },
          support(o.supportUrl, 'Cannot use the link?'),
        ],
      };
    }
    case 'already_registered': {
      const d = data as MailPayloads['already_registered'];
      return {
        subject: `You already have a ${name} account`,
        title: 'You already have an account',
        blocks: [
          {
            p: [
              `Someone, probably you, tried to register with this email address, but it already belongs to a ${name} account.`,
            ],
          },
          { button: { url: d.signInUrl, label: 'Sign in' } },
          {
            p: [
              'Forgotten your password, or never activated your account from the previous portal? Choose a new password here:',
            ],
          },
          { button: { url: d.resetUrl, label: 'Reset my password' } },
          { p: ['If this was not you, you can ignore this email: nothing has changed.'] },
          support(o.supportUrl, 'Need help?'),
        ],
      };
    }
    case 'invitation': {
      const d = data as MailPayloads['invitation'];
      return {
        subject: `You are invited to ${name}`,
        title: `Your ${name} account is ready`,
        blocks: [
          {
            p: [
              `An account on ${name} has been created for this email address, so that you can use the locks shared with you. To start, choose a password.`,
            ],
          },
          { button: { url: d.link, label: 'Choose my password' } },
          {
            p: [
              'If the link does not open, enter this one-time code on the activation page instead:',
            ],
          },
          { code: d.code },
          linkValidity(d.expiresAt, o.requestedAt),
          {
            p: [
              'Not expecting this? You can ignore this email: nothing happens until a password is chosen with this link or code.',
            ],
          },
          support(o.supportUrl, 'Cannot use the link or the code?'),
        ],
      };
    }
    case 'email_change': {
      const d = data as MailPayloads['email_change'];
      return {
        subject: `Confirm your new email address for ${name}`,
        title: 'Confirm your new email address',
        blocks: [
          {
            p: [
              `You asked to sign in to ${name} with this email address from now on. Confirm that it is yours; until you do, nothing changes.`,
            ],
          },
          { button: { url: d.link, label: 'Confirm my new email address' } },
          {
            p: [
              `The link is valid ${validity(new Date(d.expiresAt), o.requestedAt)}, and works once.`,
            ],
          },
          { p: ['Did not ask for this? You can ignore this email: nothing changes.'] },
          support(o.supportUrl, 'Cannot use the link?'),
        ],
      };
    }
    case 'email_changed': {
      const d = data as MailPayloads['email_changed'];
      const when = formatUtc(new Date(d.at));
      return {
        subject: `The email address of your ${name} account was changed`,
        title: 'Your email address was changed',
        blocks: [
          {
            p: [
              d.bySupport
                ? `At your request, Customer Services moved your ${name} account to ${d.newEmail} at ${when}. An activation email went to that address; this address no longer signs in.`
                : `Your ${name} account signs in with ${d.newEmail} since ${when}. This address no longer does.`,
            ],
          },
          { p: ['If this was you, there is nothing else to do.'] },
          support(o.supportUrl, 'If this was not you, contact us at once.'),
        ],
      };
    }
  }
}
