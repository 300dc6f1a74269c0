/**
 * `npm start`: the whole example on two origins, the way it runs in production.
 *
 *   API  http://127.0.0.1:8787  the reference server (`connect-auth-server serve --dev`),
 *                               with a migrated account imported from accounts.csv
 *   app  http://127.0.0.1:5173  this app (Vite dev server; `--production` builds and previews)
 *
 * The server is told where the app lives (`--app-url`: mailed links open the app's /reset page)
 * and lets the app's origin call it with credentials (`--allowed-origins`). API_PORT and
 * APP_PORT change the ports. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const apiPort = process.env.API_PORT ?? '8787';
const appPort = process.env.APP_PORT ?? '5173';
const api = `http://127.0.0.1:${apiPort}`;
const app = `http://127.0.0.1:${appPort}`;
const production = process.argv.includes('--production');

const serverPackage = require.resolve('@connect-auth/server/package.json');
const serverBin = join(
  dirname(serverPackage),
  JSON.parse(readFileSync(serverPackage, 'utf8')).bin['connect-auth-server'],
);
const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin/vite.js');

const children = new Set();
function run(args, env = {}) {
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  children.add(child);
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      children.delete(child);
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`));
    }),
  );
}
function stop() {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const data = ['--data-dir', '.data'];
await run([serverBin, 'import-legacy', 'accounts.csv', ...data]).catch(() => {});
run([
  serverBin,
  'serve',
  '--dev',
  '--port',
  apiPort,
  '--app-url',
  app,
  '--allowed-origins',
  app,
  ...data,
]);
const env = { VITE_CONNECT_URL: api };
const where = ['--host', '127.0.0.1', '--port', appPort, '--strictPort'];
if (production) {
  await run([viteBin, 'build'], env);
  run([viteBin, 'preview', ...where], env);
} else {
  run([viteBin, ...where], env);
}
console.log(`\n  app: ${app}   API: ${api}   dev inbox: ${api}/dev/inbox\n`);
