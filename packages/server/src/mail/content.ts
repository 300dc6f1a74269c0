/**
 * The words of every mail, described once per template as a list of blocks (paragraphs,
 * a link button, a code box). `templates.ts` renders the blocks to plain text and HTML, so the
 * two parts never say different things. Values here are raw: escaping happens at rendering.
 */

import { say, type WordId } from '../i18n/index.ts';
import { formatUtc, validity } from './format.ts';
import type { MailPayloads, MailTemplate, RenderOptions } from './payloads.ts';

/**
 * Inline content of a paragraph: text, or a link (shown as its URL unless `text` is given).
 */
export type Inline = string | { href: string; text?: string };
/**
 * One block of a mail body.
 */
export type Block = { p: Inline[] } | { button: { url: string; label: string } } | { code: string };
/**
 * A mail before rendering.
 */
export interface Content {
  subject: string;
  title: string;
  blocks: Block[];
}

/** How long the link and code of a reset or activation mail work, and that only the newest does. */
function linkValidity(w: Say, expiresAt: string, o: RenderOptions, language: string): Block {
  const v = validity(new Date(expiresAt), o.requestedAt, language);
  return { p: [v.duration ? w('mail.validity', v) : w('mail.validity_until', v)] };
}

function support(w: Say, supportUrl: string, lead: string): Block {
  return { p: [`${lead} ${w('mail.contact')} `, { href: supportUrl }] };
}

type Say = (id: WordId, params?: Readonly<Record<string, string | number>>) => string;

/**
 * The content of a mail whose payload has already been checked against its template, in the
 * server language `language` (see `i18n/`; English when absent). Every language has the same
 * blocks in the same order: the link, the code and the validity paragraph sit in the same
 * places and carry the same link, code and expiry time.
 */
export function mailContent(
  template: MailTemplate,
  data: unknown,
  o: RenderOptions,
  language = 'en',
): Content {
  const product = o.productName;
  const w: Say = (id, params = {}) => say(language, id, { product, ...params });
  switch (template) {
    case 'password_reset':
    case 'account_activation': {
      const d = data as MailPayloads['password_reset'];
      const k = template === 'password_reset' ? 'reset' : 'activation';
      return {
        subject: w(`${k}.subject`),
        title: w(`${k}.title`),
        blocks: [
          { p: [w(`${k}.intro`)] },
          { button: { url: d.link, label: w(`${k}.button`) } },
          { p: [w(`${k}.code_lead`)] },
          { code: d.code },
          linkValidity(w, d.expiresAt, o, language),
          ...(k === 'activation' ? [{ p: [w('activation.why')] }] : []),
          { p: [w(`${k}.unasked`)] },
          support(w, o.supportUrl, w(`${k}.support`)),
        ],
      };
    }
    case 'password_changed': {
      const d = data as MailPayloads['password_changed'];
      const when = formatUtc(new Date(d.at), language);
      const a = d.activated ? '_activated' : '';
      return {
        subject: w(`changed.subject${a}`),
        title: w(`changed.title${a}`),
        blocks: [
          { p: [w(`changed.lead${a}`, { when })] },
          { p: [w('changed.ok')] },
          support(w, o.supportUrl, w('changed.support')),
        ],
      };
    }
    case 'verify_email': {
      const d = data as MailPayloads['verify_email'];
      const v = validity(new Date(d.expiresAt), o.requestedAt, language);
      return {
        subject: w('verify.subject'),
        title: w('verify.title'),
        blocks: [
          { p: [w('verify.intro')] },
          { button: { url: d.link, label: w('verify.button') } },
          { p: [v.duration ? w('verify.validity', v) : w('verify.validity_until', v)] },
          { p: [w('verify.unasked')] },
          support(w, o.supportUrl, w('verify.support')),
        ],
      };
    }
    case 'already_registered': {
      const d = data as MailPayloads['already_registered'];
      return {
        subject: w('already.subject'),
        title: w('already.title'),
        blocks: [
          { p: [w('already.intro')] },
          { button: { url: d.signInUrl, label: w('already.sign_in') } },
          { p: [w('already.reset_lead')] },
          { button: { url: d.resetUrl, label: w('already.reset_button') } },
          { p: [w('already.unasked')] },
          support(w, o.supportUrl, w('already.support')),
        ],
      };
    }
    case 'invitation': {
      const d = data as MailPayloads['invitation'];
      return {
        subject: w('invitation.subject'),
        title: w('invitation.title'),
        blocks: [
          { p: [w('invitation.intro')] },
          { button: { url: d.link, label: w('invitation.button') } },
          { p: [w('invitation.code_lead')] },
          { code: d.code },
          linkValidity(w, d.expiresAt, o, language),
          { p: [w('invitation.unasked')] },
          support(w, o.supportUrl, w('invitation.support')),
        ],
      };
    }
    case 'email_change': {
      const d = data as MailPayloads['email_change'];
      const v = validity(new Date(d.expiresAt), o.requestedAt, language);
      return {
        subject: w('emailchange.subject'),
        title: w('emailchange.title'),
        blocks: [
          { p: [w('emailchange.intro')] },
          { button: { url: d.link, label: w('emailchange.button') } },
          { p: [v.duration ? w('verify.validity', v) : w('verify.validity_until', v)] },
          { p: [w('emailchange.unasked')] },
          support(w, o.supportUrl, w('emailchange.support')),
        ],
      };
    }
    case 'email_changed': {
      const d = data as MailPayloads['email_changed'];
      const when = formatUtc(new Date(d.at), language);
      const lead = d.bySupport ? 'emailchanged.lead_support' : 'emailchanged.lead';
      return {
        subject: w('emailchanged.subject'),
        title: w('emailchanged.title'),
        blocks: [
          { p: [w(lead, { email: d.newEmail, when })] },
          { p: [w('changed.ok')] },
          support(w, o.supportUrl, w('emailchanged.support')),
        ],
      };
    }
  }
}
