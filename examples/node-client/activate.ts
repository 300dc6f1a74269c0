/**
 * Activate a migrated Codelocks Connect account from a Node script, with the 8-digit code from the
 * *Password Reset Request* email instead of its link, then sign in and verify the access token the
 * way a backend would.
 *
 *   node --conditions=@connect-auth/source activate.ts https://connect.example.com owner@example.com
 *
 * The script sends the request for the email given, waits for you to type the code and a new
 * password, and keeps the refresh token in a 0600 file (`fileStorage`) while it runs; it signs out
 * at the end, which deletes the file again.
 */
import { createInterface } from 'node:readline/promises';
import {
  type ConnectClient,
  createConnectClient,
  evaluatePassword,
  isConnectError,
  loadCommonPasswords,
  type Session,
} from '@connect-auth/core';
import { fileStorage, verifyAccessToken } from '@connect-auth/core/node';

/** What {@link activate} needs from its caller: the code and password, however they are obtained. */
export interface ActivationPrompts {
  code(email: string): Promise<string>;
  password(): Promise<string>;
}

/** The outcome of a completed activation. */
export interface ActivationResult {
  session: Session;
  /** The `sub` claim of the verified access token: the account id. */
  subject: string;
  activated: boolean;
}

/**
 * Request the email, complete the reset with the emailed code, sign in, and verify the access
 * token against the server's JWKS. Weak passwords are refused locally first, with the same policy
 * the server enforces (the server's verdict is final).
 */
export async function activate(
  client: ConnectClient,
  baseUrl: string,
  email: string,
  prompts: ActivationPrompts,
): Promise<ActivationResult> {
  await client.requestPasswordReset({ email });
  const code = await prompts.code(email);

  const [policy, blocklist] = await Promise.all([
    client.getPasswordPolicy(),
    loadCommonPasswords(),
  ]);
  let password = await prompts.password();
  for (;;) {
    const verdict = evaluatePassword(password, policy, { email, blocklist });
    if (verdict.ok) break;
    const failed = verdict.rules.filter((rule) => rule.level === 'required' && !rule.ok);
    console.error(`Not strong enough: ${failed.map((rule) => rule.id).join(', ')}`);
    password = await prompts.password();
  }

  const result = await client.completePasswordReset({ email, code, password });
  const session = await client.signIn({ email, password });
  const issuer = new URL(baseUrl).origin;
  const claims = await verifyAccessToken(session.accessToken, {
    jwksUrl: new URL('/.well-known/jwks.json', baseUrl),
    issuer,
    audience: issuer,
  });
  return { session, subject: String(claims.sub), activated: result.activated };
}

async function main(): Promise<void> {
  // `pnpm … start -- <url> <email>` passes the `--` on: skip it.
  const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
  const [baseUrl, email] = args;
  if (!baseUrl || !email || !URL.canParse(baseUrl)) {
    console.error('usage: node --conditions=@connect-auth/source activate.ts <server-url> <email>');
    process.exitCode = 2;
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const client = createConnectClient({ baseUrl, storage: fileStorage('.connect-session.json') });
  try {
    const { session, activated } = await activate(client, baseUrl, email, {
      code: (to) => rl.question(`Code from the email sent to ${to}: `),
      password: () => rl.question('New password: '),
    });
    console.log(
      `${activated ? 'Activated and signed in' : 'Password changed; signed in'} as ${session.account.email}.`,
    );
  } catch (error) {
    if (!isConnectError(error)) throw error;
    console.error(
      `Failed: ${error.code}${error.retryAfterMs ? ` (retry in ${Math.ceil(error.retryAfterMs / 1000)} s)` : ''}`,
    );
    process.exitCode = 1;
  } finally {
    rl.close();
    await client.signOut().catch(() => {});
  }
}

if (import.meta.main) await main();
