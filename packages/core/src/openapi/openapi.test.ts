/**
 * The OpenAPI document against its sources: it validates as OpenAPI 3.1, names every contract
 * route and nothing else, the JSON Schemas give zod's verdict on valid values and on their
 * mutations, and the published `dist/openapi.json` is the generated document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { ADMIN_ROUTES, ROUTES } from '../contract/routes.ts';
import {
  CONTRACT_SCHEMAS,
  type ContractSchemaName,
  createOpenApiDocument,
  OPENAPI_PATH,
  OPERATIONS,
} from './index.ts';
import { renderOpenApiMarkdown } from './markdown.ts';

const doc = createOpenApiDocument({ serverUrl: 'https://connect.example.com' });

function validatorOf(document: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...document, $id: 'https://connect-auth.test/openapi.json' });
  return (name: string) => {
    const check = ajv.getSchema(
      `https://connect-auth.test/openapi.json#/components/schemas/${name}`,
    );
    if (!check) throw new Error(`no schema ${name}`);
    return (value: unknown) => check(value) as boolean;
  };
}

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789_-AB';
const RULE = { id: 'min_length', level: 'required', params: { min: 12 } };
const ACCOUNT = { id: 'acc_1', email: 'owner@example.com', name: 'Ann' };
const SESSION = {
  accessToken: 'eyJ.x.y',
  tokenType: 'Bearer',
  expiresAt: '2026-01-01T00:00:00.000Z',
  account: ACCOUNT,
};
const POLICY = { id: 'connect', version: 1, rules: [RULE] };

/** One valid value per schema (the property test mutates them). */
const VALID: Record<ContractSchemaName, unknown[]> = {
  Email: ['owner@example.com', 'Ann.Lee@bücher.de'],
  Password: ['Harbour-Lantern-42', 'x'],
  Token: [TOKEN],
  ResetCode: ['01234567'],
  DisplayName: ['Ann Lee'],
  Accepted: [{ status: 'accepted' }],
  RequestPasswordResetBody: [{ email: 'owner@example.com' }],
  VerifyResetTokenBody: [{ token: TOKEN }],
  ResetPurpose: ['activation', 'reset'],
  ResetTokenInfo: [
    { email: 'a@b.co', expiresAt: '2026-01-01T00:00:00Z', purpose: 'reset', policy: POLICY },
    { email: 'a@b.co', expiresAt: '2026-01-01T00:00:00Z', purpose: 'activation' },
  ],
  CompleteWithTokenBody: [{ token: TOKEN, password: 'Harbour-Lantern-42' }],
  CompleteWithCodeBody: [{ email: 'a@b.co', code: '12345678', password: 'Harbour-Lantern-42' }],
  CompletePasswordResetBody: [
    { token: TOKEN, password: 'Harbour-Lantern-42' },
    { email: 'a@b.co', code: '12345678', password: 'Harbour-Lantern-42' },
  ],
  PasswordResetResult: [
    { status: 'password_changed', email: 'a@b.co', activated: true },
    { status: 'password_changed', email: 'a@b.co', activated: false, session: SESSION },
  ],
  Account: [ACCOUNT, { id: 'x', email: 'y', name: null }, { id: 'x', email: 'y' }],
  Session: [SESSION],
  SignInBody: [{ email: 'a@b.co', password: 'p' }],
  RegisterBody: [
    { email: 'a@b.co', password: 'p', name: 'Ann' },
    { email: 'a@b.co', password: 'p' },
  ],
  VerifyEmailBody: [{ token: TOKEN }],
  EmailVerified: [{ status: 'verified', email: 'a@b.co' }],
  RuleLevel: ['required', 'recommended'],
  PolicyRule: [RULE, { id: 'digit', level: 'recommended' }],
  PasswordPolicy: [POLICY],
  RuleResult: [{ ...RULE, ok: false }],
  FieldIssue: [{ path: ['email', 0], code: 'invalid_email' }],
  Problem: [
    { code: 'weak_password', status: 422, rules: [{ ...RULE, ok: false }], extra: 1 },
    { code: 'validation_failed', issues: [{ path: ['email'], code: 'required' }] },
    { code: 'rate_limited', retryAfterMs: 1000 },
  ],
  ChangePasswordBody: [{ currentPassword: 'p', newPassword: 'Harbour-Lantern-42' }],
  RequestEmailChangeBody: [{ newEmail: 'new@example.com', password: 'p' }],
  ConfirmEmailChangeBody: [{ token: TOKEN }],
  EmailChanged: [{ status: 'email_changed', email: 'new@example.com' }],
  AdminAccountBody: [{ email: 'owner@example.com' }],
  AdminInviteBody: [{ email: 'team@example.com', name: 'Ann' }, { email: 'team@example.com' }],
  AdminChangeEmailBody: [{ email: 'old@example.com', newEmail: 'new@example.com' }],
  AdminHistoryBody: [{ email: 'owner@example.com', limit: 10 }, { email: 'owner@example.com' }],
};

/**
 * Schemas whose zod form has a refinement JSON Schema cannot express (the email must
 * canonicalise): there the document may accept more than zod, never less.
 */
const LOOSER = new Set<ContractSchemaName>([
  'Email',
  'RequestPasswordResetBody',
  'CompleteWithCodeBody',
  'CompletePasswordResetBody',
  'SignInBody',
  'RegisterBody',
  'RequestEmailChangeBody',
  'AdminAccountBody',
  'AdminInviteBody',
  'AdminChangeEmailBody',
  'AdminHistoryBody',
]);

// Finite numbers only: JSON has no Infinity or NaN (an out-of-range literal such as 1e999 is the
// one way to get Infinity from JSON.parse, and zod refuses it; JSON Schema cannot say "finite").
const hostile = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.constantFrom('', 'a', '1234567', '123456789', 'x'.repeat(2000), 'bad token!', 'a@', '@b'),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

/** Delete, replace or add members (recursively one level down), or replace the whole value. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fc.oneof(fc.constant(value), hostile);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return fc.oneof(
    fc.constant(value),
    hostile,
    keys.length ? fc.constantFrom(...keys).map((k) => omit(record, k)) : fc.constant(value),
    fc.record({ key: fc.constantFrom('extra', ...keys), v: hostile }).map(({ key, v }) => ({
      ...record,
      [key]: v,
    })),
    keys.length
      ? fc
          .constantFrom(...keys)
          .chain((k) => mutate(record[k]).map((inner) => ({ ...record, [k]: inner })))
      : fc.constant(value),
  );
}

function omit(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 with a standard validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route of the contract and no other', () => {
    const inDoc = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const inContract = [...Object.values(ROUTES), ...Object.values(ADMIN_ROUTES)].map(
      (r) => `${r.method} ${r.path}`,
    );
    expect(inDoc.sort()).toEqual([...inContract, `GET ${OPENAPI_PATH}`].sort());
    for (const [name, route] of Object.entries(ROUTES)) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()] as {
        operationId: string;
        responses: Record<string, unknown>;
      };
      expect(op.operationId).toBe(name);
      expect(Object.keys(op.responses)).toContain(String(route.status));
    }
  });

  it('declares Retry-After on every rate-limited answer and the refresh cookie on session calls', () => {
    for (const [name, spec] of Object.entries(OPERATIONS)) {
      const route = ROUTES[name as keyof typeof ROUTES];
      const op = doc.paths[route.path]?.[route.method.toLowerCase()] as {
        responses: Record<string, { headers?: Record<string, unknown> }>;
      };
      if (spec.errors.includes('rate_limited'))
        expect(op.responses['429']?.headers?.['Retry-After'], name).toBeDefined();
      if (spec.setsCookie)
        expect(op.responses[String(route.status)]?.headers?.['Set-Cookie'], name).toBeDefined();
    }
  });

  it("gives zod's verdict on valid values and their mutations, for every schema", () => {
    const schemaOf = validatorOf(doc);
    for (const [name, schema] of Object.entries(CONTRACT_SCHEMAS) as [
      ContractSchemaName,
      z.ZodMiniType,
    ][]) {
      const json = schemaOf(name);
      for (const value of VALID[name]) {
        expect(schema.safeParse(value).success, `${name} sample`).toBe(true);
        expect(json(value), `${name} sample`).toBe(true);
      }
      fc.assert(
        fc.property(fc.constantFrom(...VALID[name]).chain(mutate), (value) => {
          const zod = schema.safeParse(value).success;
          const doc = json(value);
          // Where zod refines (email), the document may only be looser.
          if (LOOSER.has(name)) return !zod || doc;
          return zod === doc;
        }),
        { numRuns: 300 },
      );
    }
  });

  it('catches a document that disagrees with the schemas', () => {
    const broken = structuredClone(doc);
    const session = broken.components.schemas.Session as { required: string[] };
    session.required = session.required.filter((k) => k !== 'accessToken');
    const json = validatorOf(broken)('Session');
    const { accessToken: _a, ...withoutToken } = SESSION;
    expect(json(withoutToken)).toBe(true);
    expect(CONTRACT_SCHEMAS.Session.safeParse(withoutToken).success).toBe(false);
  });

  it('is published as dist/openapi.json, exactly as generated (built by `pnpm run build`)', () => {
    const file = fileURLToPath(new URL('../../dist/openapi.json', import.meta.url));
    expect(existsSync(file), `${file} is missing: run pnpm run build`).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(createOpenApiDocument());
  });

  it('is rendered in the docs as docs/contract-reference.md, generated from the document', () => {
    const page = fileURLToPath(new URL('../../../../docs/contract-reference.md', import.meta.url));
    expect(
      readFileSync(page, 'utf8'),
      'docs/contract-reference.md is stale: run node packages/core/scripts/write-openapi.ts --docs',
    ).toBe(renderOpenApiMarkdown(createOpenApiDocument()));
  });
});
