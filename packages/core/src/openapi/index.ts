/**
 * The wire contract as an OpenAPI 3.1 document, generated from the contract's zod schemas (zod 4's
 * JSON Schema output, dialect 2020-12): no hand-written copy. The reference server serves it at
 * `GET /v1/openapi.json`; the build writes the same document to `@connect-auth/core/openapi.json`.
 *
 * This entry is for servers, build tools and tests: the browser client never imports it.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import {
  Accepted,
  Account,
  ADMIN_ROUTES,
  AdminAccountBody,
  AdminChangeEmailBody,
  AdminHistoryBody,
  AdminInviteBody,
  type AdminRouteName,
  ChangePasswordBody,
  CompletePasswordResetBody,
  CompleteWithCodeBody,
  CompleteWithTokenBody,
  ConfirmEmailChangeBody,
  DisplayName,
  Email,
  EmailChanged,
  EmailVerified,
  ERROR_STATUS,
  FieldIssue,
  Password,
  PasswordPolicy,
  PasswordResetResult,
  PolicyRule,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  Problem,
  REFRESH_COOKIE,
  RegisterBody,
  RequestEmailChangeBody,
  RequestPasswordResetBody,
  ResetCode,
  ResetPurpose,
  ResetTokenInfo,
  ROUTES,
  type RouteName,
  RuleLevel,
  RuleResult,
  type ServerErrorCode,
  Session,
  SignInBody,
  Token,
  VerifyEmailBody,
  VerifyResetTokenBody,
} from '../contract/index.ts';

/** Where a server publishes this document. */
export const OPENAPI_PATH = '/v1/openapi.json';

/**
 * The JSON Web Key Set: not a zod schema of the contract (RFC 7517 defines it), described here so
 * the document is complete.
 */
const JWK_SET_SCHEMA = {
  type: 'object',
  description: 'RFC 7517 JSON Web Key Set of the public keys that sign access tokens.',
  properties: {
    keys: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kty: { type: 'string' },
          kid: { type: 'string' },
          alg: { type: 'string' },
          use: { type: 'string' },
        },
        required: ['kty'],
      },
    },
  },
  required: ['keys'],
} as const;

/** Names of the schemas under `components.schemas`, one per named schema of the contract. */
export const CONTRACT_SCHEMA_NAMES = [
  'Email',
  'Password',
  'Token',
  'ResetCode',
  'DisplayName',
  'Accepted',
  'RequestPasswordResetBody',
  'VerifyResetTokenBody',
  'ResetPurpose',
  'ResetTokenInfo',
  'CompleteWithTokenBody',
  'CompleteWithCodeBody',
  'CompletePasswordResetBody',
  'PasswordResetResult',
  'Account',
  'Session',
  'SignInBody',
  'RegisterBody',
  'VerifyEmailBody',
  'EmailVerified',
  'RuleLevel',
  'PolicyRule',
  'PasswordPolicy',
  'RuleResult',
  'FieldIssue',
  'Problem',
  'ChangePasswordBody',
  'RequestEmailChangeBody',
  'ConfirmEmailChangeBody',
  'EmailChanged',
  'AdminAccountBody',
  'AdminInviteBody',
  'AdminChangeEmailBody',
  'AdminHistoryBody',
] as const;

/** Name of a schema under `components.schemas`. */
export type ContractSchemaName = (typeof CONTRACT_SCHEMA_NAMES)[number];

/**
 * Every named schema of the contract, as it appears under `components.schemas`. Shared shapes are
 * named so the document refers to them instead of repeating them.
 *
 * @example
 * ```ts
 * CONTRACT_SCHEMAS.Session.safeParse(body).success;
 * ```
 */
export const CONTRACT_SCHEMAS: Readonly<Record<ContractSchemaName, z.ZodMiniType>> = {
  Email,
  Password,
  Token,
  ResetCode,
  DisplayName,
  Accepted,
  RequestPasswordResetBody,
  VerifyResetTokenBody,
  ResetPurpose,
  ResetTokenInfo,
  CompleteWithTokenBody,
  CompleteWithCodeBody,
  CompletePasswordResetBody,
  PasswordResetResult,
  Account,
  Session,
  SignInBody,
  RegisterBody,
  VerifyEmailBody,
  EmailVerified,
  RuleLevel,
  PolicyRule,
  PasswordPolicy,
  RuleResult,
  FieldIssue,
  Problem,
  ChangePasswordBody,
  RequestEmailChangeBody,
  ConfirmEmailChangeBody,
  EmailChanged,
  AdminAccountBody,
  AdminInviteBody,
  AdminChangeEmailBody,
  AdminHistoryBody,
};

interface OperationSpec {
  summary: string;
  description: string;
  request?: ContractSchemaName;
  response?: ContractSchemaName | 'JwkSet';
  /** The problem codes this call may answer (besides `server_error`). */
  errors: readonly ServerErrorCode[];
  /** Sets or clears the refresh cookie on success. */
  setsCookie?: boolean;
  /** Authenticated by the refresh cookie (and so subject to the origin rule). */
  cookieAuth?: boolean;
  /** Needs the session's access token (`Authorization: Bearer …`). */
  bearer?: boolean;
  cacheable?: boolean;
}

const BODY_ERRORS = ['validation_failed', 'unsupported_media_type', 'payload_too_large'] as const;
const TOKEN_ERRORS = ['token_invalid', 'token_expired', 'token_used', 'token_superseded'] as const;

/**
 * What each call of the contract takes, answers, and which problem codes it may send. The
 * conformance kit and the tests read the same table.
 */
export const OPERATIONS: Readonly<Record<RouteName, OperationSpec>> = {
  requestPasswordReset: {
    summary: 'Request a reset or activation email',
    description:
      'Always answers 202 `{status:"accepted"}`, whether or not an account exists (no enumeration). A migrated account awaiting activation gets an activation email, an active one a reset email, each with a link (token in the URL fragment) and an 8-digit code; only the newest email of an address works.',
    request: 'RequestPasswordResetBody',
    response: 'Accepted',
    errors: [...BODY_ERRORS, 'rate_limited'],
  },
  verifyResetToken: {
    summary: 'Inspect a reset or activation token without consuming it',
    description:
      'Answers the account email, the expiry, the purpose and the policy in force. Never consumes the token: verifying twice gives the same answer.',
    request: 'VerifyResetTokenBody',
    response: 'ResetTokenInfo',
    errors: [...BODY_ERRORS, ...TOKEN_ERRORS],
  },
  completePasswordReset: {
    summary: 'Set the new password (with the link token, or with email and code)',
    description:
      'The only consuming call: sets the password, consumes the token and its siblings, ends every session of the account and activates a migrated account. A weak password is `weak_password` with the rule verdicts and consumes nothing.',
    request: 'CompletePasswordResetBody',
    response: 'PasswordResetResult',
    errors: [...BODY_ERRORS, ...TOKEN_ERRORS, 'code_invalid', 'weak_password', 'rate_limited'],
    setsCookie: true,
  },
  signIn: {
    summary: 'Sign in',
    description:
      'Answers a session (short-lived access JWT) and sets the rotating refresh token in an HttpOnly cookie. Unknown emails, wrong passwords and accounts awaiting activation all get `invalid_credentials`.',
    request: 'SignInBody',
    response: 'Session',
    errors: [...BODY_ERRORS, 'invalid_credentials', 'rate_limited'],
    setsCookie: true,
  },
  refreshSession: {
    summary: 'Rotate the refresh token and get a new access token',
    description:
      'Every refresh rotates the cookie; presenting a rotated token again revokes the whole token family (outside a short grace window for concurrent tabs). A browser `Origin` must be an allowed origin.',
    response: 'Session',
    errors: ['session_invalid', 'origin_forbidden'],
    setsCookie: true,
    cookieAuth: true,
  },
  signOut: {
    summary: 'Sign out',
    description:
      'Revokes the refresh token family and clears the cookie. Answers 204 even without a session. A browser `Origin` must be an allowed origin.',
    errors: ['origin_forbidden'],
    setsCookie: true,
    cookieAuth: true,
  },
  register: {
    summary: 'Register',
    description:
      'Always answers 202 for a strong password, whether or not the email is taken (an existing owner gets an "already registered" email instead). A verification email follows.',
    request: 'RegisterBody',
    response: 'Accepted',
    errors: [...BODY_ERRORS, 'weak_password', 'rate_limited'],
  },
  verifyEmail: {
    summary: "Verify a registration's email address",
    description: 'Consumes the verification token and activates the account.',
    request: 'VerifyEmailBody',
    response: 'EmailVerified',
    errors: [...BODY_ERRORS, ...TOKEN_ERRORS],
  },
  passwordPolicy: {
    summary: 'The password policy in force',
    description: 'Plain data (rule ids, levels and parameters), never prose.',
    response: 'PasswordPolicy',
    errors: [],
    cacheable: true,
  },
  changePassword: {
    summary: "Change the signed-in account's password",
    description:
      'Needs the access token and the current password (counted by the sign-in limits). Every other session of the account ends and a notice is mailed; the answer is a fresh session, so the page that changed it stays signed in.',
    request: 'ChangePasswordBody',
    response: 'Session',
    errors: [
      ...BODY_ERRORS,
      'session_invalid',
      'invalid_credentials',
      'weak_password',
      'rate_limited',
    ],
    setsCookie: true,
    bearer: true,
  },
  requestEmailChange: {
    summary: "Ask to change the signed-in account's email address",
    description:
      'Needs the access token and the current password. A confirmation link goes to the new address; nothing changes until it is followed. The answer is the same whether or not the new address already has an account.',
    request: 'RequestEmailChangeBody',
    response: 'Accepted',
    errors: [...BODY_ERRORS, 'session_invalid', 'invalid_credentials', 'rate_limited'],
    bearer: true,
  },
  confirmEmailChange: {
    summary: 'Confirm an email change with the token from its link',
    description:
      'Consumes the token, moves the account to the new address and tells the old one. Needs no session (the link may be opened on another device).',
    request: 'ConfirmEmailChangeBody',
    response: 'EmailChanged',
    errors: [...BODY_ERRORS, ...TOKEN_ERRORS, 'email_taken'],
  },
  signOutEverywhere: {
    summary: 'Sign out on every device',
    description: 'Ends every session of the signed-in account and clears the refresh cookie.',
    errors: ['session_invalid'],
    setsCookie: true,
    bearer: true,
  },
  jwks: {
    summary: 'The public keys that sign access tokens',
    description:
      'Access tokens are JWTs with header `typ: at+jwt` and the claims `iss`, `aud`, `sub` (the account id), `jti`, `iat` and `exp`.',
    response: 'JwkSet',
    errors: [],
    cacheable: true,
  },
};

/** Options of {@link createOpenApiDocument}. */
export interface OpenApiOptions {
  /** The server's base URL, listed under `servers` (omitted when absent). */
  serverUrl?: string;
  /** `info.version` (default `"1"`, the contract's major version, as in `/v1/`). */
  version?: string;
}

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The JSON Schemas of {@link CONTRACT_SCHEMAS}, named, with `$ref`s between them. */
function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(CONTRACT_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    // Request bodies are described as they are accepted, answers as they are sent.
    io: 'input',
    // The email rule (a refinement: canonicalisable) has no JSON Schema form; it is described.
    unrepresentable: 'any',
  });
  const out: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    out[id] = rest;
  }
  const email = out.Email;
  if (email) {
    // No `format: "email"`: the contract accepts internationalised addresses that validators of
    // that format refuse, and the document must not be stricter than the server.
    email.description =
      'An email address, canonicalised by the server (trimmed, NFC, domain lower-cased and IDNA); at most 254 characters after canonicalisation.';
  }
  out.JwkSet = JWK_SET_SCHEMA as unknown as Json;
  return out;
}

function problemResponse(codes: readonly ServerErrorCode[]): Json {
  const response: Json = {
    description: `Problem details (RFC 9457) with \`code\` one of: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: {
          allOf: [ref('Problem'), { properties: { code: { enum: [...codes] } } }],
        },
      },
    },
  };
  if (codes.includes('rate_limited')) {
    response.headers = {
      'Retry-After': {
        description: 'Seconds to wait before trying again (with `retryAfterMs` in the body).',
        required: true,
        schema: { type: 'integer', minimum: 1 },
      },
    };
  }
  if (codes.includes('method_not_allowed')) {
    response.headers = {
      Allow: { description: 'The methods the path accepts.', schema: { type: 'string' } },
    };
  }
  return response;
}

const SET_COOKIE = {
  description: `The refresh token: \`${REFRESH_COOKIE}=…; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=…\` (no Domain). Sign-out clears it with \`Max-Age=0\`.`,
  schema: { type: 'string' },
};

function operation(name: RouteName, spec: OperationSpec): Json {
  const route = ROUTES[name];
  const responses: Json = {};
  const success: Json = { description: spec.summary };
  if (spec.response) {
    success.content = { 'application/json': { schema: ref(spec.response) } };
  } else {
    success.description = 'No content.';
  }
  if (spec.setsCookie) {
    success.headers = { 'Set-Cookie': SET_COOKIE };
  }
  responses[String(route.status)] = success;
  const byStatus = new Map<number, ServerErrorCode[]>();
  for (const code of spec.errors) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = problemResponse(codes);
  }
  responses.default = problemResponse(['server_error', 'not_found', 'method_not_allowed']);
  const op: Json = {
    operationId: name,
    summary: spec.summary,
    description: spec.description,
    responses,
  };
  if (spec.request) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: ref(spec.request) } },
    };
  }
  op.security = spec.bearer
    ? [{ accessToken: [] }]
    : spec.cookieAuth
      ? [{ refreshCookie: [] }, {}]
      : [];
  return op;
}

interface AdminOperationSpec {
  summary: string;
  request?: ContractSchemaName;
  /** Query parameters of a GET listing. */
  query?: readonly { name: string; description: string; schema: Json }[];
  /** What the 200 answer holds (its shape is documented in docs/operators.md). */
  answer: string;
  errors: readonly ServerErrorCode[];
}

const ADMIN_ERRORS = ['admin_key_invalid', 'validation_failed'] as const;
const ADMIN_BODY_ERRORS = [...ADMIN_ERRORS, 'unsupported_media_type', 'payload_too_large'] as const;
const LIMIT_PARAM = {
  name: 'limit',
  description: 'How many entries to answer at most.',
  schema: { type: 'integer', minimum: 1, maximum: 1000 },
} as const;

/**
 * The admin API (`/v1/admin/…`, Customer Services console and back office): every call needs an
 * admin API key and is written to the audit log. Not used by the browser client.
 */
export const ADMIN_OPERATIONS: Readonly<Record<AdminRouteName, AdminOperationSpec>> = {
  stats: {
    summary: 'Accounts by state and the activation rate',
    answer: '`byStatus` counts, activations over time and `activationRate`.',
    errors: ['admin_key_invalid'],
  },
  listAccounts: {
    summary: 'List accounts, by state or matching a search',
    query: [
      {
        name: 'status',
        description: 'Only accounts in this state.',
        schema: { enum: ['pending_activation', 'active', 'pending_verification', 'disabled'] },
      },
      {
        name: 'search',
        description: 'Part of the email or name.',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      },
      LIMIT_PARAM,
      {
        name: 'after',
        description: 'The `next` cursor of the previous page.',
        schema: { type: 'string', maxLength: 1280 },
      },
    ],
    answer: '`accounts` (email, name, state, dates) and a `next` cursor.',
    errors: ADMIN_ERRORS,
  },
  findAccount: {
    summary: 'One account, by email',
    request: 'AdminAccountBody',
    answer: 'The account (email, name, state, dates).',
    errors: [...ADMIN_BODY_ERRORS, 'not_found'],
  },
  invite: {
    summary: 'Invite an associated user (creates the account or finds it)',
    request: 'AdminInviteBody',
    answer: '`account`, `created`, `invited`.',
    errors: ADMIN_BODY_ERRORS,
  },
  sendActivation: {
    summary: 'Send an account awaiting activation its activation email again',
    request: 'AdminAccountBody',
    answer: '`account` and `sent` (false unless the account awaits activation).',
    errors: [...ADMIN_BODY_ERRORS, 'not_found'],
  },
  disable: {
    summary: 'Disable an account (ends its sessions)',
    request: 'AdminAccountBody',
    answer: 'The account.',
    errors: [...ADMIN_BODY_ERRORS, 'not_found'],
  },
  enable: {
    summary: 'Enable a disabled account',
    request: 'AdminAccountBody',
    answer: 'The account.',
    errors: [...ADMIN_BODY_ERRORS, 'not_found'],
  },
  signOut: {
    summary: 'End every session of an account',
    request: 'AdminAccountBody',
    answer: '`account` and `revokedRefreshTokens`.',
    errors: [...ADMIN_BODY_ERRORS, 'not_found'],
  },
  changeEmail: {
    summary: "Customer Services' recovery: move an account to an address the person controls",
    request: 'AdminChangeEmailBody',
    answer:
      'The account, now awaiting activation at the new address (only an activation email goes there; the old address is told). Nobody sets or sees a password.',
    errors: [...ADMIN_BODY_ERRORS, 'not_found', 'email_taken'],
  },
  history: {
    summary: "One account's audit history",
    request: 'AdminHistoryBody',
    answer: '`entries` (who, what, when).',
    errors: [...ADMIN_BODY_ERRORS, 'not_found'],
  },
  audit: {
    summary: 'The audit log, newest first',
    query: [
      LIMIT_PARAM,
      {
        name: 'before',
        description: 'Only entries before this time (ISO 8601).',
        schema: { type: 'string', maxLength: 40 },
      },
    ],
    answer: '`entries` (who, what, when, which account).',
    errors: ADMIN_ERRORS,
  },
};

function adminOperation(name: AdminRouteName, spec: AdminOperationSpec): Json {
  const responses: Json = {
    '200': {
      description: spec.answer,
      content: { 'application/json': { schema: { type: 'object' } } },
    },
  };
  const byStatus = new Map<number, ServerErrorCode[]>();
  for (const code of spec.errors) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = problemResponse(codes);
  }
  responses.default = problemResponse(['server_error', 'method_not_allowed']);
  const op: Json = {
    operationId: `admin.${name}`,
    tags: ['admin'],
    summary: spec.summary,
    description:
      'Admin API: needs an admin API key (`connect-auth-server admin-keys create`); written to the audit log. See docs/operators.md.',
    responses,
    security: [{ adminKey: [] }],
  };
  if (spec.request) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: ref(spec.request) } },
    };
  }
  if (spec.query) {
    op.parameters = spec.query.map((q) => ({ in: 'query', required: false, ...q }));
  }
  return op;
}

/**
 * Build the OpenAPI 3.1 document of the contract.
 *
 * @example
 * ```ts
 * import { createOpenApiDocument } from '@connect-auth/core/openapi';
 * const doc = createOpenApiDocument({ serverUrl: 'https://connect.example.com' });
 * doc.paths['/v1/sessions']; // { post: { operationId: 'signIn', … } }
 * ```
 */
export function createOpenApiDocument(options: OpenApiOptions = {}): {
  openapi: '3.1.0';
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Json };
  [member: string]: unknown;
} {
  const paths: Record<string, Record<string, Json>> = {};
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const route = ROUTES[name];
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = operation(name, OPERATIONS[name]);
    paths[route.path] = item;
  }
  for (const name of Object.keys(ADMIN_ROUTES) as AdminRouteName[]) {
    const route = ADMIN_ROUTES[name];
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = adminOperation(name, ADMIN_OPERATIONS[name]);
    paths[route.path] = item;
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'openApi',
      summary: 'This document',
      description: 'The contract as OpenAPI 3.1, generated from its zod schemas.',
      security: [],
      responses: {
        '200': {
          description: 'The OpenAPI document.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Connect Auth',
      version: options.version ?? '1',
      summary: 'Account activation, lost password, sign-in and registration for Codelocks Connect.',
      description: `Errors are \`${PROBLEM_CONTENT_TYPE}\` (RFC 9457) with a stable \`code\`; the \`type\` is \`${PROBLEM_TYPE_BASE}<code>\`. Request bodies are strict: unknown members are \`validation_failed\`.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        refreshCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: REFRESH_COOKIE,
          description:
            'The rotating refresh token, set by sign-in and refresh. Cookie-authenticated calls from a browser must come from an allowed `Origin`.',
        },
        adminKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An admin API key (`cak_…`), made with `connect-auth-server admin-keys create`; only its hash is stored.',
        },
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The access token of a session, for your own resources: verify it against `/.well-known/jwks.json` (`typ: at+jwt`, issuer, audience, expiry).',
        },
      },
    },
  };
}
