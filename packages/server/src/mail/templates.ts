/**
 * The mails the server sends. Each template is described once as a list of blocks; the plain
 * text and HTML parts are both rendered from it, so they never say different things. Every
 * interpolated value is HTML-escaped in the HTML part; links must be http(s) URLs.
 */
import type { Sealer } from '../crypto/seal.ts';
import { matchLanguage, wordsFor } from '../i18n/index.ts';
import type { NewOutboxMail } from '../store/types.ts';
import { type Content, type Inline, mailContent } from './content.ts';
import { button, codeBox, escapeHtml, htmlFrame, oneLine, paragraph } from './format.ts';
import {
  MAIL_TEMPLATES,
  type MailPayloads,
  type MailTemplate,
  type RenderOptions,
} from './payloads.ts';

/**
 * A rendered mail.
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The language it is written in (`en`, `en-US`, `de`, `es`, `fr`, `it`, `nl`). */
  language: string;
}

/**
 * Thrown by {@link renderMail} when a stored payload does not fit its template (unknown
 * template, missing field, non-http link). Permanent: retrying will not help.
 */
export class MailRenderError extends Error {
  /** Stable code for logs. */
  readonly code = 'mail_render_failed';
  constructor(message: string) {
    super(message);
    this.name = 'MailRenderError';
  }
}

const CODE = /^\d{8}$/;

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value));
}

/** Why `data` does not fit `template`, or null when it does. */
function payloadProblem(template: string, data: unknown): string | null {
  if (!MAIL_TEMPLATES.includes(template as MailTemplate)) return 'unknown template';
  if (typeof data !== 'object' || data === null) return 'payload is not an object';
  const d = data as Record<string, unknown>;
  if (d.locale !== undefined && (typeof d.locale !== 'string' || d.locale.length > 35)) {
    return 'locale must be a language tag';
  }
  switch (template as MailTemplate) {
    case 'password_reset':
    case 'account_activation':
    case 'invitation':
      if (!isHttpUrl(d.link)) return 'link must be an http(s) URL';
      if (typeof d.code !== 'string' || !CODE.test(d.code)) return 'code must be 8 digits';
      return isIsoDate(d.expiresAt) ? null : 'expiresAt must be a date';
    case 'password_changed':
      if (typeof d.activated !== 'boolean') return 'activated must be a boolean';
      return isIsoDate(d.at) ? null : 'at must be a date';
    case 'verify_email':
    case 'email_change':
      if (!isHttpUrl(d.link)) return 'link must be an http(s) URL';
      return isIsoDate(d.expiresAt) ? null : 'expiresAt must be a date';
    case 'already_registered':
      if (!isHttpUrl(d.signInUrl)) return 'signInUrl must be an http(s) URL';
      return isHttpUrl(d.resetUrl) ? null : 'resetUrl must be an http(s) URL';
    case 'email_changed':
      if (typeof d.newEmail !== 'string' || d.newEmail.length > 320)
        return 'newEmail must be a string';
      if (typeof d.bySupport !== 'boolean') return 'bySupport must be a boolean';
      return isIsoDate(d.at) ? null : 'at must be a date';
  }
}

function inlineText(parts: Inline[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : p.text ? `${p.text} (${p.href})` : p.href))
    .join('');
}

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((p) =>
      typeof p === 'string'
        ? escapeHtml(p)
        : `<a href="${escapeHtml(p.href)}" style="color:#0b5cad;">${escapeHtml(p.text ?? p.href)}</a>`,
    )
    .join('');
}

function toText(c: Content, productName: string): string {
  // The button's label then its URL on the next line: the same in every language.
  const blocks = c.blocks.map((b) => {
    if ('p' in b) return inlineText(b.p);
    if ('button' in b) return `${b.button.label}:\n${b.button.url}`;
    return `    ${b.code}`;
  });
  return `${c.title}\n\n${blocks.join('\n\n')}\n\n-- \n${productName}\n`;
}

function toHtml(c: Content, productName: string, language: string): string {
  const orOpen = wordsFor(language)['mail.or_open'];
  const body = c.blocks
    .map((b) => {
      if ('p' in b) return paragraph(inlineHtml(b.p));
      if ('button' in b) return button(b.button.url, b.button.label, orOpen);
      return codeBox(b.code);
    })
    .join('\n');
  return htmlFrame({
    productName: escapeHtml(productName),
    title: escapeHtml(c.title),
    body,
    lang: escapeHtml(language),
  });
}

/**
 * Render a mail's subject, plain text and HTML from its template and (unsealed) payload.
 * The payload is checked first: a stored row that does not fit throws {@link MailRenderError}.
 */
export function renderMail(
  template: MailTemplate,
  data: unknown,
  options: RenderOptions,
): RenderedMail {
  const problem = payloadProblem(template, data);
  if (problem)
    throw new MailRenderError(`cannot render ${String(template).slice(0, 40)}: ${problem}`);
  const sealed = (data as { locale?: string }).locale;
  const language = matchLanguage(options.locale ?? sealed) ?? 'en';
  const c = mailContent(template, data, options, language);
  const productName = oneLine(options.productName);
  return {
    subject: oneLine(c.subject),
    text: toText(c, productName),
    html: toHtml(c, productName, language),
    language,
  };
}

/**
 * Build an outbox row for a mail: the payload is checked against its template and sealed, so
 * the raw link token and code never reach the database in plaintext.
 *
 * @throws TypeError when the payload does not fit the template (a programming error).
 */
export function composeMail<T extends MailTemplate>(
  sealer: Sealer,
  input: {
    id: string;
    to: string;
    template: T;
    data: MailPayloads[T];
    createdAt: Date;
    /** The account's preferred language; sealed with the payload, it picks the mail's words. */
    locale?: string | null;
  },
): NewOutboxMail {
  const data = input.locale ? { ...input.data, locale: input.locale } : input.data;
  const problem = payloadProblem(input.template, data);
  if (problem) throw new TypeError(`composeMail(${String(input.template)}): ${problem}`);
  return {
    id: input.id,
    to: input.to,
    template: input.template,
    payload: sealer.seal(data),
    createdAt: input.createdAt,
  };
}
