/**
 * Mail: templates, transports, the outbox worker and the dev inbox.
 *
 * @packageDocumentation
 */
export { type DevInboxOptions, type DevMail, devInboxHandler, toDevMail } from './dev-inbox.ts';
export {
  MAIL_TEMPLATES,
  type MailPayloads,
  type MailTemplate,
  type RenderOptions,
} from './payloads.ts';
export { composeMail, MailRenderError, type RenderedMail, renderMail } from './templates.ts';
export {
  devTransport,
  MailSendError,
  type MailTransport,
  type MemoryTransport,
  memoryTransport,
  type OutgoingMail,
  parseSmtpUrl,
  type SmtpSettings,
  type SmtpTransportOptions,
  SmtpUrlError,
  smtpTransport,
} from './transports.ts';
export {
  type Backoff,
  backoffDelay,
  type OutboxWorker,
  type OutboxWorkerOptions,
  startOutboxWorker,
} from './worker.ts';
