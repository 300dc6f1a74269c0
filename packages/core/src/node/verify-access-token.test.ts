import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/http-server.ts';
import { InvalidResponseError, NetworkError, SessionInvalidError } from '../errors/index.ts';
import {
  createAccessTokenVerifier,
  type VerifyAccessTokenOptions,
  verifyAccessToken,
} from './verify-access-token.ts';

const ISSUER = 'https://connect.test';
const AUDIENCE = 'portal';
const KID = 'k1';

let server: TestServer;
let jwksStatus = 200;
let ed: CryptoKeyPair;
let es: CryptoKeyPair;
let publicJwk: JsonWebKey & { x: string };
let options: VerifyAccessTokenOptions;

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'acc_1',
  jti: 'jti_1',
  iat: now(),
  exp: now() + 600,
  ...extra,
});

/** Signs header.payload with the Ed25519 key as given: lets tests forge any header. */
async function signRaw(header: Record<string, unknown>, payload: JWTPayload): Promise<string> {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = await crypto.subtle.sign(
    'Ed25519',
    ed.privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

const good = (payload = claims(), header: Record<string, unknown> = {}) =>
  signRaw({ alg: 'EdDSA', typ: 'at+jwt', kid: KID, ...header }, payload);

beforeAll(async () => {
  ed = (await generateKeyPair('Ed25519', { extractable: true })) as CryptoKeyPair;
  es = (await generateKeyPair('ES256', { extractable: true })) as CryptoKeyPair;
  publicJwk = (await exportJWK(ed.publicKey)) as JsonWebKey & { x: string };
  const esJwk = await exportJWK(es.publicKey);
  server = await startServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') return response.writeHead(404).end();
    if (jwksStatus !== 200) return response.writeHead(jwksStatus).end('down');
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        keys: [
          { ...publicJwk, kid: KID, alg: 'EdDSA', use: 'sig' },
          { ...esJwk, kid: 'es1', alg: 'ES256', use: 'sig' },
        ],
      }),
    );
  });
  options = { jwksUrl: `${server.url}/.well-known/jwks.json`, issuer: ISSUER, audience: AUDIENCE };
});
afterAll(() => server.close());

async function refused(token: string | Promise<string>, config = options) {
  const error = await createAccessTokenVerifier(config)(await token).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SessionInvalidError);
  return error as SessionInvalidError;
}

describe('verifyAccessToken', () => {
  it('accepts a token made by jose SignJWT the way the server makes them', async () => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: KID })
      .sign(ed.privateKey);
    const payload = await verifyAccessToken(token, options);
    expect(payload.sub).toBe('acc_1');
    expect(payload.jti).toBe('jti_1');
  });

  it('tolerates at most 30 s of clock skew', async () => {
    await expect(
      createAccessTokenVerifier(options)(await good(claims({ exp: now() - 20 }))),
    ).resolves.toBeTruthy();
    const error = await refused(good(claims({ exp: now() - 40 })));
    expect((error.cause as { code: string }).code).toBe('ERR_JWT_EXPIRED');
  });

  it.each([
    ['wrong issuer', claims({ iss: 'https://evil.test' })],
    ['wrong audience', claims({ aud: 'other' })],
    ['not yet valid', claims({ nbf: now() + 300 })],
  ])('refuses %s', async (_name, payload) => {
    await refused(good(payload));
  });

  it.each(['exp', 'iat', 'sub', 'jti'])('requires the %s claim', async (claim) => {
    const payload = claims();
    delete payload[claim];
    await refused(good(payload));
  });

  it.each([
    ['a numeric sub', { sub: 42 }],
    ['an object sub', { sub: { id: 'acc_1' } }],
    ['a numeric jti', { jti: 7 }],
  ])('refuses %s: the result promises strings', async (_name, extra) => {
    await refused(good({ ...claims(), ...extra } as unknown as JWTPayload));
  });

  it('requires typ at+jwt', async () => {
    await refused(good(claims(), { typ: 'JWT' }));
    await refused(good(claims(), { typ: undefined }));
  });

  it('refuses alg none', async () => {
    await refused(`${b64({ alg: 'none', typ: 'at+jwt', kid: KID })}.${b64(claims())}.`);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const forged = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: KID })
      .sign(secret);
    const forgedX = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: KID })
      .sign(Buffer.from(publicJwk.x, 'base64url'));
    await refused(forged);
    await refused(forgedX);
  });

  it('refuses a token signed with another allowed-looking algorithm than configured', async () => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'es1' })
      .sign(es.privateKey);
    await refused(token);
    // …and accepts it when that single algorithm is configured
    await expect(
      createAccessTokenVerifier({ ...options, algorithm: 'ES256' })(token),
    ).resolves.toBeTruthy();
  });

  it.each(['jku', 'jwk', 'x5u', 'x5c'])(
    'refuses a token carrying a %s header, even when validly signed',
    async (name) => {
      const error = await refused(
        good(claims(), { [name]: name === 'jwk' ? publicJwk : 'https://evil.test/keys' }),
      );
      expect((error.cause as Error).message).toContain(`"${name}"`);
    },
  );

  it('refuses an unknown crit extension', async () => {
    const error = await refused(
      good(claims(), {
        crit: ['urn:example:must-understand'],
        'urn:example:must-understand': true,
      }),
    );
    expect((error.cause as { code: string }).code).toMatch(
      /ERR_JOSE_NOT_SUPPORTED|ERR_JWS_INVALID/,
    );
  });

  it('refuses an unknown kid and a tampered payload', async () => {
    await refused(good(claims(), { kid: 'unknown' }));
    const [h, , s] = (await good()).split('.');
    await refused(`${h}.${b64(claims({ sub: 'admin' }))}.${s}`);
    await refused('not.a.jwt');
    await refused('');
  });

  it('reports an unusable JWKS and an unreachable one distinctly', async () => {
    jwksStatus = 500;
    try {
      const error = await createAccessTokenVerifier(options)(await good()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
    } finally {
      jwksStatus = 200;
    }
    const unreachable = createAccessTokenVerifier({
      ...options,
      jwksUrl: 'http://127.0.0.1:9/jwks.json',
    });
    expect(await unreachable(await good()).catch((e: unknown) => e)).toBeInstanceOf(NetworkError);
  });

  it.each([
    [{ algorithm: 'HS256' }],
    [{ algorithm: 'none' }],
    [{ clockToleranceSeconds: 60 }],
    [{ issuer: '' }],
    [{ audience: [] }],
    [{ jwksUrl: 'not a url' }],
    // Used to pass creation and fail at the first verification as a NetworkError.
    [{ jwksUrl: 'file:///etc/connect/jwks.json' }],
    [{ jwksUrl: 'ftp://connect.test/jwks.json' }],
  ])('throws TypeError for bad options %o', (bad) => {
    expect(() =>
      createAccessTokenVerifier({ ...options, ...bad } as VerifyAccessTokenOptions),
    ).toThrow(TypeError);
  });

  it('throws TypeError for a non-string token', async () => {
    await expect(verifyAccessToken(42 as never, options)).rejects.toThrow(TypeError);
  });
});
