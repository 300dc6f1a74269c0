/**
 * A tiny exact-path router: `(method, path) → handler`, 404 for unknown paths, 405 (with `Allow`)
 * for known paths with another method. The contract has ten fixed paths and no parameters, so a
 * map lookup is all the routing needed.
 */
import { ProblemError } from './problem.ts';

/** Per-request facts the adapter knows and the Request does not. */
export interface RequestContext {
  /** Client IP (from the socket, or `X-Forwarded-For` when trusted). */
  ip: string;
}

/** A route handler. */
export type Handler = (request: Request, context: RequestContext) => Promise<Response>;

/** A router built from a route table. */
export interface Router {
  /** Add a route; throws on a duplicate. */
  add(method: string, path: string, handler: Handler): Router;
  /** Find the handler or throw a 404/405 {@link ProblemError}. */
  match(method: string, path: string): Handler;
  /** Every route added, in order (the OpenAPI test compares them with the document). */
  list(): Array<{ method: string; path: string }>;
}

/**
 * Create a router.
 */
export function createRouter(): Router {
  const routes = new Map<string, Map<string, Handler>>();
  const router: Router = {
    add(method, path, handler) {
      let byMethod = routes.get(path);
      if (!byMethod) {
        byMethod = new Map();
        routes.set(path, byMethod);
      }
      if (byMethod.has(method)) throw new TypeError(`duplicate route ${method} ${path}`);
      byMethod.set(method, handler);
      return router;
    },
    match(method, path) {
      const byMethod = routes.get(path);
      if (!byMethod) throw new ProblemError('not_found');
      const handler = byMethod.get(method) ?? (method === 'HEAD' ? byMethod.get('GET') : undefined);
      if (!handler) {
        const allow = [...byMethod.keys(), 'OPTIONS'].join(', ');
        throw new ProblemError('method_not_allowed', {}, { allow });
      }
      return handler;
    },
    list() {
      return [...routes].flatMap(([path, byMethod]) =>
        [...byMethod.keys()].map((method) => ({ method, path })),
      );
    },
  };
  return router;
}
