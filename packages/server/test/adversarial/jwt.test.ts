/**
 * JWT forgeries (SECURITY 18, 20; RFC 8725) against the server's `authenticate` and core's
 * `verifyAccessToken` reading the server's JWKS over loopback: algorithm confusion (none, HS256
 * keyed with every encoding of the public key, RS256/ES256 headers), an attacker's own key
 * offered through jku (to a JWKS server the attacker runs on loopback, which must never be
 * fetched), jwk, x5u and x5c, kid games, unknown crit, typ, time edges around the 30 s tolerance,
 * missing claims, tampering and truncation, and a token from before a password reset.
 */
import { createHmac, createPublicKey } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyAccessToken } from '@connect-auth/core/node';
import { decodeJwt, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { factories, STRONG, seedAccount, startServer } from '../helpers.ts';
import { report } from './harness.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function signEd25519(header: object, payload: object, key: CryptoKey): Promise<string> {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

const hs256 = (header: object, payload: object, key: Buffer | string) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};

for (const factory of factories) {
  describe.skipIf(!factory.available)(`adversarial JWT forgeries [${factory.name}]`, () => {
    it('every forgery is rejected by the server and by core; the controls are accepted', async () => {
      const started = Date.now();
      // The attacker's JWKS, on loopback: a verifier that followed jku would fetch it.
      let attackerHits = 0;
      const attacker = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const attackerJwk = {
        ...(await exportJWK(attacker.publicKey)),
        kid: 'attacker',
        alg: 'EdDSA',
      };
      const evil = createHttpServer((_req, res) => {
        attackerHits++;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [attackerJwk] }));
      });
      await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
      const evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
      const t = await startServer(factory, {});
      let tried = 0;
      const failures: string[] = [];
      try {
        await seedAccount(t, 'jwt@example.com', 'active');
        const client = t.client();
        const session = await client.signIn({ email: 'jwt@example.com', password: STRONG });
        const claims = decodeJwt(session.accessToken) as Record<string, unknown>;
        const { kid, privateKey } = t.server.keys;
        const publicJwk = t.server.keys.jwks.keys[0] as { x: string; [k: string]: unknown };
        const spki = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        }) as string;
        const now = Math.floor(Date.now() / 1000);
        const header = { alg: 'EdDSA', typ: 'at+jwt', kid };
        const ours = (h: object = {}, p: object = {}) =>
          signEd25519({ ...header, ...h }, { ...claims, ...p }, privateKey);
        const theirs = (h: object = {}, p: object = {}) =>
          signEd25519({ ...header, ...h }, { ...claims, ...p }, attacker.privateKey);
        const [h0, p0, s0] = session.accessToken.split('.') as [string, string, string];
        const hsHeader = { alg: 'HS256', typ: 'at+jwt', kid };

        const forgeries: Record<string, string> = {
          'alg none': `${b64({ ...header, alg: 'none' })}.${p0}.`,
          'alg None': `${b64({ ...header, alg: 'None' })}.${p0}.`,
          'alg none, signature kept': `${b64({ ...header, alg: 'none' })}.${p0}.${s0}`,
          'HS256, public JWK JSON': hs256(hsHeader, claims, JSON.stringify(publicJwk)),
          'HS256, public key bytes': hs256(hsHeader, claims, Buffer.from(publicJwk.x, 'base64url')),
          'HS256, public key base64url': hs256(hsHeader, claims, publicJwk.x),
          'HS256, SPKI PEM': hs256(hsHeader, claims, spki),
          'HS256, JWKS JSON': hs256(hsHeader, claims, JSON.stringify(t.server.keys.jwks)),
          'RS256 header, Ed25519 signature': await ours({ alg: 'RS256' }),
          'ES256 header, Ed25519 signature': await ours({ alg: 'ES256' }),
          'Ed25519 header alg': await ours({ alg: 'Ed25519' }),
          'attacker key, jku to attacker JWKS': await theirs({
            jku: `${evilUrl}/jwks.json`,
            kid: 'attacker',
          }),
          'attacker key, jku, our kid': await theirs({ jku: `${evilUrl}/jwks.json` }),
          'attacker key, embedded jwk': await theirs({ jwk: attackerJwk, kid: 'attacker' }),
          'attacker key, embedded jwk, our kid': await theirs({ jwk: attackerJwk }),
          'attacker key, x5u': await theirs({ x5u: `${evilUrl}/cert.pem` }),
          'attacker key, x5c': await theirs({
            x5c: ['MIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBBQUA'],
          }),
          'attacker key, no kid': await theirs({ kid: undefined }),
          'our key, jku': await ours({ jku: `${evilUrl}/jwks.json` }),
          'our key, jwk': await ours({ jwk: publicJwk }),
          'our key, x5u': await ours({ x5u: `${evilUrl}/cert.pem` }),
          'our key, x5c': await ours({ x5c: ['AAAA'] }),
          'kid path traversal': await theirs({ kid: '../../../../dev/null' }),
          'kid SQL': await theirs({ kid: "' OR '1'='1" }),
          'kid empty': await theirs({ kid: '' }),
          'kid unknown': await ours({ kid: 'no-such-key' }),
          'unknown crit': await ours({ crit: ['urn:x:must'], 'urn:x:must': true }),
          'crit b64': await ours({ crit: ['b64'], b64: false }),
          'typ JWT': await ours({ typ: 'JWT' }),
          'typ application/at+jwt+x': await ours({ typ: 'application/at+jwt+x' }),
          'no typ': await ours({ typ: undefined }),
          'expired 31 s ago': await ours({}, { iat: now - 600, exp: now - 31 }),
          'expired an hour ago': await ours({}, { iat: now - 7200, exp: now - 3600 }),
          'not before, 60 s ahead': await ours({}, { nbf: now + 60 }),
          'issued 60 s in the future': await ours({}, { iat: now + 60, exp: now + 900 }),
          'no exp': await ours({}, { exp: undefined }),
          'no iat': await ours({}, { iat: undefined }),
          'no sub': await ours({}, { sub: undefined }),
          'no jti': await ours({}, { jti: undefined }),
          'exp as string': await ours({}, { exp: String(now + 600) }),
          'wrong issuer': await ours({}, { iss: evilUrl }),
          'wrong audience': await ours({}, { aud: evilUrl }),
          'audience array without ours': await ours({}, { aud: [evilUrl] }),
          'sub swapped, signature kept': `${h0}.${b64({ ...claims, sub: 'x' })}.${s0}`,
          'signature stripped': `${h0}.${p0}.`,
          'signature truncated': `${h0}.${p0}.${s0.slice(0, 40)}`,
          // A character in the middle: every bit of it is significant (the last base64url
          // character of a 64-byte signature carries only two bits, and could stay the same).
          'signature bit flipped': `${h0}.${p0}.${s0.slice(0, 20)}${s0[20] === 'A' ? 'B' : 'A'}${s0.slice(21)}`,
          'two segments': `${h0}.${p0}`,
          'four segments': `${h0}.${p0}.${s0}.${s0}`,
          'header not JSON': `${Buffer.from('{alg').toString('base64url')}.${p0}.${s0}`,
          'payload not JSON': `${h0}.${Buffer.from('nope').toString('base64url')}.${s0}`,
          'base64 padding and +/': `${h0}=.${p0.replace(/-/g, '+')}.${s0.replace(/_/g, '/')}`,
          huge: `${h0}.${b64({ ...claims, pad: 'x'.repeat(200_000) })}.${s0}`,
          empty: '',
          'Bearer prefix kept': `Bearer ${session.accessToken}`,
        };
        const verifyBoth = async (token: string) => {
          const core = await verifyAccessToken(token, {
            jwksUrl: `${t.url}/.well-known/jwks.json`,
            issuer: t.url,
            audience: t.url,
          }).then(
            () => 'accepted',
            () => 'rejected',
          );
          const server = await t.server.authenticate(token).then(
            () => 'accepted',
            (e: { code?: string }) => `rejected:${e.code}`,
          );
          return { core, server };
        };
        for (const [name, token] of Object.entries(forgeries)) {
          tried++;
          const verdict = await verifyBoth(token);
          if (verdict.core !== 'rejected' || verdict.server !== 'rejected:session_invalid') {
            failures.push(`${name}: ${JSON.stringify(verdict)}`);
          }
        }
        // Signed with the real key, so a stateless verifier (core) accepts them; the server
        // checks the account and its credential version too.
        const stateful: Record<string, string> = {
          'sub of nobody': await ours({}, { sub: crypto.randomUUID() }),
          'cv raised': await ours({}, { cv: Number(claims.cv) + 1 }),
          'cv lowered': await ours({}, { cv: Number(claims.cv) - 1 }),
          'cv as string': await ours({}, { cv: String(claims.cv) }),
        };
        for (const [name, token] of Object.entries(stateful)) {
          tried++;
          const verdict = await verifyBoth(token);
          if (verdict.server !== 'rejected:session_invalid') {
            failures.push(`${name}: ${JSON.stringify(verdict)}`);
          }
        }
        // Controls: the signer and the time edges inside the tolerance are accepted, so each
        // rejection above is about what it changed.
        const controls: Record<string, string> = {
          'the session token': session.accessToken,
          're-signed unchanged': await ours(),
          'expired 20 s ago (tolerance 30 s)': await ours({}, { iat: now - 600, exp: now - 20 }),
          'not before, 20 s ahead': await ours({}, { nbf: now + 20 }),
          'issued 20 s in the future': await ours({}, { iat: now + 20, exp: now + 900 }),
        };
        for (const [name, token] of Object.entries(controls)) {
          const verdict = await verifyBoth(token);
          if (verdict.core !== 'accepted' || verdict.server !== 'accepted') {
            failures.push(`control ${name}: ${JSON.stringify(verdict)}`);
          }
        }
        // After a reset every earlier token is refused by the server (SECURITY 20).
        await client.requestPasswordReset({ email: 'jwt@example.com' });
        const mail = await t.lastMail('jwt@example.com', 'password_reset');
        await client.completePasswordReset({
          token: mail?.token ?? '',
          password: 'Reset-Lantern-93',
        });
        tried++;
        const stale = await verifyBoth(session.accessToken);
        if (stale.server !== 'rejected:session_invalid') {
          failures.push(`token from before the reset: ${JSON.stringify(stale)}`);
        }
        if (attackerHits > 0) failures.push(`the attacker's JWKS was fetched ${attackerHits}×`);
      } finally {
        await t.close();
        await new Promise((r) => evil.close(r));
        report({
          suite: 'jwt',
          db: factory.name,
          inputs: tried,
          requests: tried,
          failures: failures.length,
          ms: Date.now() - started,
        });
      }
      expect(failures).toEqual([]);
      expect(tried).toBeGreaterThanOrEqual(55);
    });
  });
}
