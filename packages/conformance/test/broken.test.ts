/**
 * The kit against deliberately broken servers: each wraps the reference server's fetch app to
 * break one promise of the contract, and the kit must fail the run on the check that proves that
 * promise. Every run is a full run (all checks), so these also show what else a breakage drags
 * down.
 */
import { PROBLEM_TYPE_BASE, REFRESH_COOKIE } from '@connect-auth/core/contract';
import type { FetchApp } from '@connect-auth/server';
import { describe, expect, it } from 'vitest';
import { type ConformanceReport, formatSummary, runConformance } from '../src/index.ts';
import { type Breakage, startReference } from './reference.ts';

const ORIGIN = 'https://app.example';

async function bodyOf(request: Request): Promise<Record<string, unknown>> {
  try {
    return (await request.clone().json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const path = (request: Request) => new URL(request.url).pathname;

function problem(code: string, status: number): Response {
  return new Response(JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${code}`, status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' },
  });
}

function withCookie(request: Request, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set('cookie', `${REFRESH_COOKIE}=${value}`);
  return new Request(request, { headers });
}

const cookieValue = (header: string | null) =>
  header?.match(new RegExp(`${REFRESH_COOKIE}=([^;]*)`))?.[1];

/** Rewrite the refresh cookie's value in an answer. */
function replaceCookie(response: Response, value: string): Response {
  const headers = new Headers(response.headers);
  const lines = headers.getSetCookie();
  headers.delete('set-cookie');
  for (const line of lines)
    headers.append('set-cookie', line.replace(/^([^=]+)=[^;]*/, `$1=${value}`));
  return new Response(response.body, { status: response.status, headers });
}

/**
 * Each broken server: what it breaks, the check that must fail, and whether the run needs the
 * checks that wait out the mail cooldown (only the one about superseded links: the others stay
 * fast).
 */
const BROKEN: Array<{ name: string; expect: string; breakage: Breakage; twoMails?: true }> = [
  {
    name: 'consumes the token on verify',
    expect: 'activation.verify-does-not-consume',
    breakage: (app) => {
      const consumed = new Set<string>();
      return {
        async fetch(request, context) {
          const p = path(request);
          if (p === '/v1/password-resets/verify' || p === '/v1/password-resets/complete') {
            const token = (await bodyOf(request)).token;
            if (typeof token === 'string' && consumed.has(token)) return problem('token_used', 410);
            const response = await app.fetch(request, context);
            if (p.endsWith('/verify') && response.ok && typeof token === 'string')
              consumed.add(token);
            return response;
          }
          return app.fetch(request, context);
        },
      };
    },
  },
  {
    name: 'leaks enumeration in the reset answer',
    expect: 'reset.no-enumeration',
    breakage: (app, server) => ({
      async fetch(request, context) {
        if (path(request) === '/v1/password-resets' && request.method === 'POST') {
          const email = String((await bodyOf(request)).email ?? '').toLowerCase();
          const response = await app.fetch(request, context);
          if (response.status === 202 && (await server.store.findAccountByEmailKey(email)))
            return new Response(JSON.stringify({ status: 'accepted', sent: true }), response);
          return response;
        }
        return app.fetch(request, context);
      },
    }),
  },
  {
    name: 'leaks enumeration in the sign-in answer',
    expect: 'session.invalid-credentials',
    breakage: (app, server) => ({
      async fetch(request, context) {
        if (path(request) === '/v1/sessions' && request.method === 'POST') {
          const email = String((await bodyOf(request)).email ?? '').toLowerCase();
          const response = await app.fetch(request, context);
          if (response.status === 401 && !(await server.store.findAccountByEmailKey(email))) {
            const body = (await response.json()) as Record<string, unknown>;
            return new Response(
              JSON.stringify({ ...body, detail: 'No account uses this email' }),
              response,
            );
          }
          return response;
        }
        return app.fetch(request, context);
      },
    }),
  },
  {
    name: 'leaks enumeration in the registration answer',
    expect: 'register.no-enumeration',
    breakage: (app, server) => ({
      async fetch(request, context) {
        if (path(request) === '/v1/accounts' && request.method === 'POST') {
          const email = String((await bodyOf(request)).email ?? '').toLowerCase();
          if (await server.store.findAccountByEmailKey(email))
            return problem('validation_failed', 400);
        }
        return app.fetch(request, context);
      },
    }),
  },
  {
    name: 'keeps older links working after a newer mail (no supersede)',
    expect: 'reset.superseded',
    twoMails: true,
    breakage: (app) => ({
      async fetch(request, context) {
        const response = await app.fetch(request, context);
        if (path(request) === '/v1/password-resets/verify' && response.status === 410) {
          const body = (await response.clone().json()) as { code?: string };
          if (body.code === 'token_superseded')
            return new Response(
              JSON.stringify({
                email: 'x@example.com',
                expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
                purpose: 'reset',
              }),
              { status: 200, headers: { 'content-type': 'application/json' } },
            );
        }
        return response;
      },
    }),
  },
  {
    name: 'does not rotate refresh tokens',
    expect: 'session.refresh-rotates',
    breakage: (app) => {
      // The client keeps the token it first got; behind it the real one rotates.
      const real = new Map<string, string>();
      return {
        async fetch(request, context) {
          if (path(request) === '/v1/sessions/refresh') {
            const presented = cookieValue(request.headers.get('cookie'));
            if (!presented) return app.fetch(request, context);
            const response = await app.fetch(
              withCookie(request, real.get(presented) ?? presented),
              context,
            );
            const next = cookieValue(response.headers.get('set-cookie'));
            if (!response.ok || !next) return response;
            real.set(presented, next);
            return replaceCookie(response, presented);
          }
          return app.fetch(request, context);
        },
      };
    },
  },
  {
    name: 'accepts replayed refresh tokens (no reuse detection)',
    expect: 'session.reuse-detection',
    breakage: (app) => {
      // Every token ever issued in a family stands for the family's newest real token.
      const newest = new Map<string, { current: string }>();
      return {
        async fetch(request, context) {
          if (path(request) === '/v1/sessions/refresh') {
            const presented = cookieValue(request.headers.get('cookie'));
            const family = presented ? newest.get(presented) : undefined;
            const response = await app.fetch(
              family ? withCookie(request, family.current) : request,
              context,
            );
            const next = cookieValue(response.headers.get('set-cookie'));
            if (response.ok && next && presented) {
              const f = family ?? { current: presented };
              f.current = next;
              newest.set(presented, f);
              newest.set(next, f);
            }
            return response;
          }
          return app.fetch(request, context);
        },
      };
    },
  },
  {
    name: 'lets a token complete more than once',
    expect: 'activation.complete-once',
    breakage: (app) => ({
      async fetch(request, context) {
        const response = await app.fetch(request, context);
        if (path(request) === '/v1/password-resets/complete' && response.status === 410) {
          const body = (await response.clone().json()) as { code?: string };
          if (body.code === 'token_used')
            return new Response(
              JSON.stringify({
                status: 'password_changed',
                email: 'x@example.com',
                activated: true,
              }),
              { status: 200, headers: { 'content-type': 'application/json' } },
            );
        }
        return response;
      },
    }),
  },
  {
    name: 'sets the refresh cookie without HttpOnly',
    expect: 'session.cookie',
    breakage: (app) => ({
      async fetch(request, context) {
        const response = await app.fetch(request, context);
        const lines = response.headers.getSetCookie();
        if (lines.length === 0) return response;
        const headers = new Headers(response.headers);
        headers.delete('set-cookie');
        for (const line of lines) headers.append('set-cookie', line.replace(/; HttpOnly/i, ''));
        return new Response(response.body, { status: response.status, headers });
      },
    }),
  },
  {
    name: 'ignores the Origin of cookie calls (CSRF)',
    expect: 'csrf.foreign-origin',
    breakage: (app) => ({
      fetch(request, context) {
        if (path(request).startsWith('/v1/sessions/')) {
          const headers = new Headers(request.headers);
          headers.delete('origin');
          headers.delete('sec-fetch-site');
          return app.fetch(new Request(request, { headers }), context);
        }
        return app.fetch(request, context);
      },
    }),
  },
  {
    name: 'answers rate limits without Retry-After',
    expect: 'limits.reset-requests',
    breakage: (app) => ({
      async fetch(request, context) {
        const response = await app.fetch(request, context);
        if (response.status !== 429) return response;
        const headers = new Headers(response.headers);
        headers.delete('retry-after');
        return new Response(response.body, { status: 429, headers });
      },
    }),
  },
  {
    name: 'accepts a weak password at activation',
    expect: 'activation.weak-password',
    breakage: (app) => ({
      async fetch(request, context) {
        const response = await app.fetch(request, context);
        if (path(request) === '/v1/password-resets/complete' && response.status === 422)
          return new Response(
            JSON.stringify({ status: 'password_changed', email: 'x@example.com', activated: true }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          );
        return response;
      },
    }),
  },
  {
    name: 'crashes on malformed JSON',
    expect: 'transport.malformed-json',
    breakage: (app) => ({
      async fetch(request, context) {
        if (request.method === 'POST') {
          try {
            JSON.parse(await request.clone().text());
          } catch {
            return new Response('Internal Server Error', { status: 500 });
          }
        }
        return app.fetch(request, context);
      },
    }),
  },
  {
    name: 'publishes a private key in its JWKS',
    expect: 'tokens.jwks',
    breakage: (app) => ({
      async fetch(request, context) {
        const response = await app.fetch(request, context);
        if (path(request) !== '/.well-known/jwks.json') return response;
        const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
        for (const key of jwks.keys) key.d = 'c2VjcmV0';
        return new Response(JSON.stringify(jwks), response);
      },
    }),
  },
];

async function runAgainst(breakage: Breakage, twoMails = false): Promise<ConformanceReport> {
  const ref = await startReference('sqlite', {
    breakage,
    server: {
      allowedOrigins: [ORIGIN],
      limits: { ipRequests: 10, codeAttemptsPerAddress: 10, mailCooldownMs: 1000 },
    },
  });
  try {
    return await runConformance({
      url: ref.url,
      devInbox: ref.devInbox,
      migrated: ref.migrated,
      origin: ORIGIN,
      mailCooldownMs: twoMails ? 1000 : undefined,
    });
  } finally {
    await ref.close();
  }
}

describe('the kit against deliberately broken servers', () => {
  it('passes the unbroken reference server behind a pass-through wrapper (the wrapper itself breaks nothing)', async () => {
    const report = await runAgainst(
      (app: FetchApp) => ({ fetch: (r, c) => app.fetch(r, c) }),
      true,
    );
    expect(
      report.results.filter((r) => r.status === 'fail'),
      formatSummary(report),
    ).toEqual([]);
    expect(report.ok).toBe(true);
  });

  for (const broken of BROKEN) {
    it(`fails a server that ${broken.name} on ${broken.expect}`, async () => {
      const report = await runAgainst(broken.breakage, broken.twoMails);
      const failed = report.results.filter((r) => r.status === 'fail').map((r) => r.id);
      expect(report.ok).toBe(false);
      expect(failed, formatSummary(report)).toContain(broken.expect);
      // Printed for the record: which checks each breakage fails.
      console.info(`[broken] ${broken.name}: fails ${failed.join(', ')}`);
    });
  }
});
