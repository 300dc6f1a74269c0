import type {
  AccountRecord,
  AccountStatus,
  AdminKeyRecord,
  AuditRecord,
  EmailChangeRecord,
  OutboxRecord,
  SigningKeyRecord,
  TokenPurpose,
  TokenRecord,
} from '../types.ts';
import type { Row } from './query.ts';

// Row → record mappers. PostgreSQL returns BIGINT as strings; SQLite returns numbers.

/** @internal */
export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`Expected a number column, got ${String(value)}`);
  return n;
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('Expected a text column');
  return value;
}

function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : str(value);
}

function date(value: unknown): Date {
  return new Date(num(value));
}

function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : date(value);
}

/** @internal */
export function toAccount(row: Row): AccountRecord {
  return {
    id: str(row.id),
    email: str(row.email),
    emailKey: str(row.email_key),
    name: strOrNull(row.name),
    locale: strOrNull(row.locale),
    status: str(row.status) as AccountStatus,
    passwordHash: strOrNull(row.password_hash),
    credentialVersion: num(row.credential_version),
    failedSignIns: num(row.failed_sign_ins),
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    activatedAt: dateOrNull(row.activated_at),
    activationMailedAt: dateOrNull(row.activation_mailed_at),
  };
}

/** @internal */
export function toToken(row: Row): TokenRecord {
  return {
    id: str(row.id),
    accountId: str(row.account_id),
    purpose: str(row.purpose) as TokenPurpose,
    tokenHash: str(row.token_hash),
    codeHash: strOrNull(row.code_hash),
    codeAttempts: num(row.code_attempts),
    createdAt: date(row.created_at),
    expiresAt: date(row.expires_at),
    usedAt: dateOrNull(row.used_at),
    supersededAt: dateOrNull(row.superseded_at),
    // Only verify_email tokens carry one; absent rather than null on the others.
    ...(row.password_hash ? { passwordHash: strOrNull(row.password_hash) } : {}),
  };
}

/** @internal */
export function toOutbox(row: Row): OutboxRecord {
  return {
    id: str(row.id),
    to: str(row.recipient),
    template: str(row.template),
    payload: strOrNull(row.payload),
    status: str(row.status) as OutboxRecord['status'],
    attempts: num(row.attempts),
    nextAttemptAt: date(row.next_attempt_at),
    leaseUntil: dateOrNull(row.lease_until),
    lastError: strOrNull(row.last_error),
    createdAt: date(row.created_at),
    sentAt: dateOrNull(row.sent_at),
  };
}

/** @internal */
export function toSigningKey(row: Row): SigningKeyRecord {
  return {
    kid: str(row.kid),
    alg: str(row.alg),
    privateJwk: str(row.private_jwk),
    publicJwk: str(row.public_jwk),
    createdAt: date(row.created_at),
  };
}

/** @internal */
export function toAdminKey(row: Row): AdminKeyRecord {
  return {
    id: str(row.id),
    name: str(row.name),
    prefix: str(row.prefix),
    keyHash: str(row.key_hash),
    createdAt: date(row.created_at),
    lastUsedAt: dateOrNull(row.last_used_at),
    revokedAt: dateOrNull(row.revoked_at),
  };
}

/** @internal */
export function toAudit(row: Row): AuditRecord {
  const detail = strOrNull(row.detail);
  return {
    id: str(row.id),
    at: date(row.at),
    actor: str(row.actor),
    action: str(row.action),
    accountId: strOrNull(row.account_id),
    accountEmail: strOrNull(row.account_email),
    detail: detail === null ? null : (JSON.parse(detail) as Record<string, unknown>),
  };
}

/** @internal */
export function toEmailChange(row: Row): EmailChangeRecord {
  return {
    id: str(row.id),
    accountId: str(row.account_id),
    newEmail: str(row.new_email),
    newEmailKey: str(row.new_email_key),
    tokenHash: str(row.token_hash),
    createdAt: date(row.created_at),
    expiresAt: date(row.expires_at),
    usedAt: dateOrNull(row.used_at),
    supersededAt: dateOrNull(row.superseded_at),
  };
}
