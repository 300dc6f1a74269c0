/**
 * The web-standard app: `fetch(Request, { ip }) → Response`. Runs in-process (tests), on Node
 * (`serve`) or any runtime with `Request`/`Response`.
 */

import { preflight, withHeaders } from '../http/headers.ts';
import { errorResponse, problemResponse } from '../http/problem.ts';
import { createRouter, type RequestContext } from '../http/router.ts';
import { negotiateLanguage } from '../i18n/index.ts';
import { errorFields } from '../log.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { isServiceError } from '../services/errors.ts';
import { addAdminRoutes } from './admin-routes.ts';
import { appUrlHint } from './app-url-hint.ts';
import { clientIp } from './origin.ts';
import { addRoutes } from './routes.ts';

/** Dependencies of {@link createApp}. */
export interface AppDeps extends ServiceDeps {
  /** The JWK Set to publish. */
  jwks: () => unknown;
  /** The server's public URL, for the OpenAPI document's `servers`. */
  publicUrl?: () => string | undefined;
  /** Origins allowed for CORS with credentials and for cookie-authenticated calls. */
  allowedOrigins: readonly string[];
  /** Send HSTS (set when the public URL is https). */
  hsts: boolean;
  /** Read the client IP from X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * Set when no app URL was configured, so mailed links point at this server: its app paths
   * (`/reset`, …) then answer a page saying what to configure, with this server's URL.
   */
  appUrlHint?: () => string;
  /** Dev-only handler for `/dev/*` (the dev inbox); absent in production. */
  devHandler?: (request: Request) => Promise<Response>;
}

/** The app. */
export interface App {
  fetch(request: Request, context?: Partial<RequestContext>): Promise<Response>;
  /** The routes the app answers (method and path), the dev inbox aside. */
  routes(): Array<{ method: string; path: string }>;
}

/**
 * Create the app.
 *
 * @example
 * ```ts
 * const app = createApp(deps);
 * const res = await app.fetch(new Request('http://x/v1/password-policy'));
 * ```
 */
export function createApp(deps: AppDeps): App {
  const allowedOrigins = new Set(deps.allowedOrigins);
  const router = addAdminRoutes(addRoutes(createRouter(), { ...deps, allowedOrigins }), deps);
  const policy = { hsts: deps.hsts, allowedOrigins };
  return {
    routes: () => router.list(),
    async fetch(request, context = {}) {
      const ip = clientIp(request, context.ip, deps.trustProxy);
      let response: Response;
      try {
        const path = new URL(request.url).pathname;
        if (request.method === 'OPTIONS') return preflight(request, policy);
        if (deps.devHandler && (path === '/dev' || path.startsWith('/dev/'))) {
          response = await deps.devHandler(request);
        } else {
          const hint = deps.appUrlHint && appUrlHint(request.method, path, deps.appUrlHint());
          response = hint || (await router.match(request.method, path)(request, { ip }));
        }
      } catch (error) {
        // Problem titles and details follow the request's Accept-Language.
        const language = negotiateLanguage(request.headers.get('accept-language'));
        if (isServiceError(error)) {
          response = errorResponse(error, language);
        } else {
          deps.logger.error('server_error', {
            method: request.method,
            ip,
            error: errorFields(error, { stack: true }),
          });
          response = problemResponse('server_error', {}, {}, language);
        }
      }
      if (request.method === 'HEAD') response = new Response(null, response);
      deps.logger.info('request', {
        method: request.method,
        path: safePath(request.url),
        status: response.status,
        ip,
      });
      return withHeaders(response, request, policy);
    },
  };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname.slice(0, 200);
  } catch {
    return '?';
  }
}
