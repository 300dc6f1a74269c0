/**
 * Session signing keys: one Ed25519 key pair (JWS `alg: EdDSA`), generated on the first start and
 * persisted through the store so that every process and every restart signs with the same key.
 * The private JWK is sealed (AES-256-GCM under the server secret) before it reaches the database.
 */
import type { JWK } from 'jose';
import { exportJWK } from 'jose/key/export';
import { generateKeyPair } from 'jose/key/generate/keypair';
import { importJWK } from 'jose/key/import';
import type { Sealer } from '../crypto/seal.ts';
import type { SigningKeyRecord, Store } from '../store/types.ts';

/**
 * The one JWS algorithm the server signs and accepts.
 */
export const SIGNING_ALG = 'EdDSA';

/** Keys in force: the newest signs, all verify. */
export interface SigningKeys {
  /** Key id of the signing key. */
  readonly kid: string;
  /** The private key that signs new access tokens. */
  readonly privateKey: CryptoKey;
  /** Public key by kid (every persisted key verifies). */
  publicKey(kid: string): CryptoKey | undefined;
  /** The JWK Set published at `/.well-known/jwks.json`. */
  readonly jwks: { keys: JWK[] };
}

/**
 * Load the signing keys, generating and persisting one if the store has none. When several
 * processes start at once, `ensureSigningKey` keeps the first insert and everyone uses it.
 */
export async function loadSigningKeys(deps: {
  store: Store;
  sealer: Sealer;
  now: Date;
}): Promise<SigningKeys> {
  let records = await deps.store.listSigningKeys();
  if (records.length === 0) {
    const pair = await generateKeyPair('Ed25519', { extractable: true });
    const kid = crypto.randomUUID();
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: SIGNING_ALG, use: 'sig' };
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: SIGNING_ALG };
    records = await deps.store.ensureSigningKey({
      kid,
      alg: SIGNING_ALG,
      privateJwk: deps.sealer.seal(privateJwk),
      publicJwk: JSON.stringify(publicJwk),
      createdAt: deps.now,
    });
  }
  return importKeys(records, deps.sealer);
}

async function importKeys(records: SigningKeyRecord[], sealer: Sealer): Promise<SigningKeys> {
  const usable = records.filter((r) => r.alg === SIGNING_ALG);
  const newest = [...usable].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!newest) throw new Error('no EdDSA signing key in the store');
  const publicKeys = new Map<string, CryptoKey>();
  const jwks: JWK[] = [];
  for (const record of usable) {
    const jwk = JSON.parse(record.publicJwk) as JWK;
    publicKeys.set(record.kid, (await importJWK(jwk, SIGNING_ALG)) as CryptoKey);
    jwks.push({
      kty: jwk.kty,
      crv: jwk.crv,
      x: jwk.x,
      kid: record.kid,
      alg: SIGNING_ALG,
      use: 'sig',
    });
  }
  let sealed: JWK;
  try {
    sealed = sealer.unseal<JWK>(newest.privateJwk);
  } catch (cause) {
    throw new Error(
      'The stored signing key cannot be opened with this CONNECT_SECRET: was the secret changed? ' +
        'Start with the previous secret, or delete the rows of the signing_keys table to make a ' +
        'new key (every session then ends).',
      { cause },
    );
  }
  // Extractable, so access-tokens.ts can hand it to `node:crypto` (`KeyObject.from`): the key is in
  // this process's memory either way.
  const privateKey = (await importJWK(sealed, SIGNING_ALG, { extractable: true })) as CryptoKey;
  return {
    kid: newest.kid,
    privateKey,
    publicKey: (kid) => publicKeys.get(kid),
    jwks: { keys: jwks },
  };
}
