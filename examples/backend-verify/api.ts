/**
 * Your own API, protected by the access tokens the Connect Auth server issues. The browser (or
 * any client of @connect-auth/core) sends `Authorization: Bearer <client.session.accessToken>`;
 * this route checks it against the server's published keys, issuer and audience.
 */
import { createServer, type Server } from 'node:http';
import { isConnectError } from '@connect-auth/core';
import { verifyAccessToken } from '@connect-auth/core/node';

/** What the API needs to know about the account service. */
export interface ApiOptions {
  /** The server's PUBLIC_URL: the tokens' issuer; the JWKS is under it. */
  connectUrl: string;
  /** The audience the server puts in its tokens (its TOKEN_AUDIENCE). */
  audience: string;
  /** Origin of the browser app allowed to call this API (CORS), if any. */
  appOrigin?: string;
}

/**
 * `GET /api/me`: 200 with the account id for a valid token; 401 with `WWW-Authenticate` for a
 * missing, expired, forged or foreign one; 503 when the keys cannot be fetched.
 */
export function createApi(options: ApiOptions): Server {
  const jwksUrl = new URL('/.well-known/jwks.json', options.connectUrl);
  return createServer(async (req, res) => {
    const cors: Record<string, string> = options.appOrigin
      ? { 'access-control-allow-origin': options.appOrigin, vary: 'Origin' }
      : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': 'authorization' }).end();
      return;
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'content-type': 'application/json', ...cors, ...headers })
        .end(JSON.stringify(body));
    if (req.method !== 'GET' || req.url !== '/api/me') return send(404, { error: 'not_found' });
    const bearer = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return send(401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
    try {
      const claims = await verifyAccessToken(bearer, {
        jwksUrl,
        issuer: options.connectUrl,
        audience: options.audience,
      });
      return send(200, { account: claims.sub, expiresAt: new Date((claims.exp ?? 0) * 1000) });
    } catch (error) {
      if (isConnectError(error) && error.code === 'session_invalid') {
        return send(
          401,
          { error: 'invalid_token' },
          { 'www-authenticate': 'Bearer error="invalid_token"' },
        );
      }
      // The JWKS could not be fetched or used: our problem, not the caller's token.
      return send(503, { error: 'keys_unavailable' });
    }
  });
}
