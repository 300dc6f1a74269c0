/**
 * The contract's routes: each parses its body with the contract's zod schema, calls one service
 * and shapes the answer.
 */
import {
  ChangePasswordBody,
  CompleteWithCodeBody,
  CompleteWithTokenBody,
  ConfirmEmailChangeBody,
  REFRESH_COOKIE,
  RegisterBody,
  RequestEmailChangeBody,
  RequestPasswordResetBody,
  ROUTES,
  SignInBody,
  VerifyEmailBody,
  VerifyResetTokenBody,
} from '@connect-auth/core/contract';
import { createOpenApiDocument, OPENAPI_PATH } from '@connect-auth/core/openapi';
import { readJsonObject, validate } from '../http/body.ts';
import { readCookie, refreshCookie } from '../http/cookies.ts';
import { FinishedResponse } from '../http/finished-response.ts';
import { jsonResponse } from '../http/problem.ts';
import type { Router } from '../http/router.ts';
import { acceptedLanguage } from '../i18n/index.ts';
import { register, verifyEmail } from '../services/accounts.ts';
import type { ServiceDeps } from '../services/deps.ts';
import {
  completePasswordReset,
  requestPasswordReset,
  verifyResetToken,
} from '../services/password-reset.ts';
import {
  changePassword,
  confirmEmailChange,
  requestEmailChange,
  signedInAccount,
  signOutEverywhere,
} from '../services/self-service.ts';
import { REFRESH_TTL_MS, refresh, signIn, signOut } from '../services/sessions.ts';
import { assertAllowedOrigin } from './origin.ts';

/** What the routes need beyond the services. */
export interface RouteDeps extends ServiceDeps {
  jwks: () => unknown;
  /** The server's public URL for the OpenAPI document's `servers` (when known). */
  publicUrl?: () => string | undefined;
  allowedOrigins: ReadonlySet<string>;
}

const ACCEPTED = { status: 'accepted' } as const;
const REFRESH_MAX_AGE = Math.floor(REFRESH_TTL_MS / 1000);

/**
 * Register every contract route on `router`.
 */
export function addRoutes(router: Router, deps: RouteDeps): Router {
  const r = ROUTES;
  router.add(r.requestPasswordReset.method, r.requestPasswordReset.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), RequestPasswordResetBody);
    await requestPasswordReset(deps, body, ctx.ip);
    return jsonResponse(ACCEPTED, r.requestPasswordReset.status);
  });
  router.add(r.verifyResetToken.method, r.verifyResetToken.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), VerifyResetTokenBody);
    return jsonResponse(await verifyResetToken(deps, body.token, ctx.ip));
  });
  router.add(r.completePasswordReset.method, r.completePasswordReset.path, async (req, ctx) => {
    const raw = await readJsonObject(req);
    // Validate against the variant the caller chose, so issues name the right fields.
    const variant = Object.hasOwn(raw, 'token') ? CompleteWithTokenBody : CompleteWithCodeBody;
    const body = validate(raw, variant);
    const { result, issued } = await completePasswordReset(deps, body, ctx.ip);
    const headers = new Headers();
    if (issued) headers.append('set-cookie', refreshCookie(issued.refreshToken, REFRESH_MAX_AGE));
    return jsonResponse(result, r.completePasswordReset.status, headers);
  });
  router.add(r.signIn.method, r.signIn.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), SignInBody);
    const issued = await signIn(deps, body, ctx.ip);
    return jsonResponse(issued.session, r.signIn.status, {
      'set-cookie': refreshCookie(issued.refreshToken, REFRESH_MAX_AGE),
    });
  });
  router.add(r.refreshSession.method, r.refreshSession.path, async (req, ctx) => {
    assertAllowedOrigin(req, deps.allowedOrigins);
    const issued = await refresh(
      deps,
      readCookie(req.headers.get('cookie'), REFRESH_COOKIE),
      ctx.ip,
    );
    return jsonResponse(issued.session, r.refreshSession.status, {
      'set-cookie': refreshCookie(issued.refreshToken, REFRESH_MAX_AGE),
    });
  });
  router.add(r.signOut.method, r.signOut.path, async (req, ctx) => {
    assertAllowedOrigin(req, deps.allowedOrigins);
    await signOut(deps, readCookie(req.headers.get('cookie'), REFRESH_COOKIE), ctx.ip);
    return new Response(null, {
      status: r.signOut.status,
      headers: { 'set-cookie': refreshCookie(null, 0) },
    });
  });
  router.add(r.register.method, r.register.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), RegisterBody);
    // The account's language: the one the client sent, else the browser's Accept-Language.
    const locale = body.locale ?? acceptedLanguage(req.headers.get('accept-language')) ?? undefined;
    await register(deps, { ...body, locale }, ctx.ip);
    return jsonResponse(ACCEPTED, r.register.status);
  });
  router.add(r.verifyEmail.method, r.verifyEmail.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), VerifyEmailBody);
    return jsonResponse(await verifyEmail(deps, body.token, ctx.ip));
  });
  router.add(r.changePassword.method, r.changePassword.path, async (req, ctx) => {
    // The body first, as on every JSON route (415/413/400 before 401), then the session.
    const body = validate(await readJsonObject(req), ChangePasswordBody);
    const account = await signedInAccount(deps, req);
    const issued = await changePassword(deps, account, body, ctx.ip);
    return jsonResponse(issued.session, r.changePassword.status, {
      'set-cookie': refreshCookie(issued.refreshToken, REFRESH_MAX_AGE),
    });
  });
  router.add(r.requestEmailChange.method, r.requestEmailChange.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), RequestEmailChangeBody);
    const account = await signedInAccount(deps, req);
    await requestEmailChange(deps, account, body, ctx.ip);
    return jsonResponse(ACCEPTED, r.requestEmailChange.status);
  });
  router.add(r.confirmEmailChange.method, r.confirmEmailChange.path, async (req, ctx) => {
    const body = validate(await readJsonObject(req), ConfirmEmailChangeBody);
    return jsonResponse(await confirmEmailChange(deps, body.token, ctx.ip));
  });
  router.add(r.signOutEverywhere.method, r.signOutEverywhere.path, async (req, ctx) => {
    const account = await signedInAccount(deps, req);
    await signOutEverywhere(deps, account, ctx.ip);
    return new Response(null, {
      status: r.signOutEverywhere.status,
      headers: { 'set-cookie': refreshCookie(null, 0) },
    });
  });
  router.add(r.passwordPolicy.method, r.passwordPolicy.path, async () =>
    jsonResponse(deps.policy, 200, { 'cache-control': 'public, max-age=300' }),
  );
  router.add(r.jwks.method, r.jwks.path, async () =>
    jsonResponse(deps.jwks(), 200, { 'cache-control': 'public, max-age=300' }),
  );
  // The contract as OpenAPI 3.1, generated from the same zod schemas the routes validate with.
  let openApi: string | undefined;
  router.add('GET', OPENAPI_PATH, async () => {
    openApi ??= JSON.stringify(createOpenApiDocument({ serverUrl: deps.publicUrl?.() }));
    return new FinishedResponse(openApi, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'public, max-age=300',
      },
    });
  });
  return router;
}
