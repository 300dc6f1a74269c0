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
  CompletePasswordResetBody,
  CompleteWithCodeBody,
  CompleteWithTokenBody,
  DisplayName,
  Email,
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
  op.security = spec.cookieAuth ? [{ refreshCookie: [] }, {}] : [];
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
