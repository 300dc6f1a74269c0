/**
 * `npm start`: the reference server (dev mode, tokens for the audience `portal`), the protected
 * API from api.ts, and a walk through it: a migrated account is imported, activated with the
 * emailed code, signed in, and its access token used on the API.
 *
 * API_PORT (default 8787) and PORT (default 3000) change the ports.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createConnectClient } from '@connect-auth/core';
import { createApi } from './api.ts';

const require = createRequire(import.meta.url);
const connectUrl = `http://127.0.0.1:${process.env.API_PORT ?? '8787'}`;
const port = Number(process.env.PORT ?? '3000');
const audience = 'portal';
const email = 'owner@example.com';

// 1. The account service, started with the audience this API expects.
const serverPackage = require.resolve('@connect-auth/server/package.json');
const bin = join(
  dirname(serverPackage),
  JSON.parse(readFileSync(serverPackage, 'utf8')).bin['connect-auth-server'],
);
const data = await mkdtemp(join(tmpdir(), 'connect-backend-verify-'));
const cli = (args: string[]) => spawn(process.execPath, [bin, ...args], { stdio: 'inherit' });
await new Promise((done) =>
  cli(['import-legacy', join(import.meta.dirname, 'accounts.csv'), '--data-dir', data]).on(
    'exit',
    done,
  ),
);
const server = cli([
  'serve',
  '--dev',
  '--port',
  new URL(connectUrl).port,
  '--data-dir',
  data,
  '--token-audience',
  audience,
]);
process.on('exit', () => server.kill('SIGTERM'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
for (let i = 0; ; i++) {
  const ok = await fetch(`${connectUrl}/v1/password-policy`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 100) throw new Error(`The server did not start on ${connectUrl}`);
  await new Promise((r) => setTimeout(r, 100));
}

// 2. The protected API.
const api = createApi({ connectUrl, audience });
await new Promise<void>((r) => api.listen(port, '127.0.0.1', r));
const apiUrl = `http://127.0.0.1:${port}/api/me`;

// 3. A user: activate the migrated account with the emailed code, then sign in.
const client = createConnectClient({ baseUrl: connectUrl });
await client.requestPasswordReset({ email });
let code: string | undefined;
for (let i = 0; code === undefined && i < 100; i++) {
  const mails = (await (await fetch(`${connectUrl}/dev/mail?to=${email}`)).json()) as Array<{
    code?: string;
  }>;
  code = mails[0]?.code;
  if (code === undefined) await new Promise((r) => setTimeout(r, 100));
}
if (code === undefined) throw new Error('No mail arrived in the dev inbox.');
const password = `Example-${crypto.randomUUID().slice(0, 8)}A1`;
await client.completePasswordReset({ email, code, password });
const session = await client.signIn({ email, password });

// 4. The API with and without the token.
const withToken = await fetch(apiUrl, {
  headers: { authorization: `Bearer ${session.accessToken}` },
});
const without = await fetch(apiUrl);
console.log(`GET ${apiUrl} with the access token: ${withToken.status} ${await withToken.text()}`);
console.log(`GET ${apiUrl} without a token: ${without.status}`);
console.log(`\nTry it yourself (the token is valid for 10 minutes):\n`);
console.log(`  curl -H 'Authorization: Bearer ${session.accessToken}' ${apiUrl}\n`);
console.log('Ctrl-C stops the API and the server.');
