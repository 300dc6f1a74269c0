import { generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAccessTokens } from './access-tokens.ts';
import { SIGNING_ALG, type SigningKeys } from './keys.ts';

const ISSUER = 'https://auth.example';
const NOW = new Date('2026-01-15T10:00:00.000Z');

async function setup() {
  const pair = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const keys = {
    kid: 'k1',
    privateKey: pair.privateKey,
    publicKey: (kid: string) => (kid === 'k1' ? pair.publicKey : undefined),
    jwks: { keys: [] },
  } as unknown as SigningKeys;
  const tokens = createAccessTokens({ keys, issuer: ISSUER, clock: () => NOW });
  /** A token signed with the server's own key, with any claims. */
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg: SIGNING_ALG, typ: 'at+jwt', kid: 'k1' })
      .sign(pair.privateKey);
  const iat = Math.floor(NOW.getTime() / 1000);
  const claims = { iss: ISSUER, aud: ISSUER, sub: 'acc_1', jti: 'j1', iat, exp: iat + 600, cv: 1 };
  return { tokens, sign, claims, publicKey: pair.publicKey };
}

describe('createAccessTokens', () => {
  it('verifies what it issues', async () => {
    const { tokens } = await setup();
    const { token } = await tokens.issue({ id: 'acc_1', credentialVersion: 3 });
    expect(await tokens.verify(token)).toMatchObject({ sub: 'acc_1', cv: 3, iss: ISSUER });
  });

  it('issues a compact EdDSA JWS that jose verifies with the public key alone', async () => {
    const { tokens, publicKey } = await setup();
    const { token, expiresAt } = await tokens.issue({ id: 'acc_1', credentialVersion: 3 });
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
      algorithms: [SIGNING_ALG],
      issuer: ISSUER,
      audience: ISSUER,
      typ: 'at+jwt',
      currentDate: NOW,
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: 'k1' });
    const iat = Math.floor(NOW.getTime() / 1000);
    expect(payload).toEqual({
      cv: 3,
      iss: ISSUER,
      aud: ISSUER,
      sub: 'acc_1',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat,
      exp: iat + 600,
    });
    expect(expiresAt.getTime()).toBe((iat + 600) * 1000);
    // Another key's signature does not pass.
    const other = await generateKeyPair(SIGNING_ALG);
    await expect(jwtVerify(token, other.publicKey)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it.each([
    ['a numeric sub', { sub: 42 }],
    ['an object sub', { sub: { id: 'acc_1' } }],
    ['a numeric jti', { jti: 7 }],
    ['a string cv', { cv: '1' }],
  ])('refuses %s, even when signed with its own key', async (_name, extra) => {
    const { tokens, sign, claims } = await setup();
    await expect(tokens.verify(await sign(claims))).resolves.toBeTruthy();
    await expect(tokens.verify(await sign({ ...claims, ...extra }))).rejects.toMatchObject({
      code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
    });
  });
});
