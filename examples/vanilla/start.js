/**
 * `npm start`: the pages on one origin, the account service on another.
 *
 *   API    http://127.0.0.1:8787  the reference server (`connect-auth-server serve --dev`),
 *                                 with a migrated account imported from accounts.csv
 *   pages  http://127.0.0.1:8080  this folder as static files (index.html, reset.html, and
 *                                 the browser build under node_modules/)
 *
 * API_PORT and APP_PORT change the ports (the pages name the API in their `base-url`
 * attributes: change those too). Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';

const require = createRequire(import.meta.url);
const apiPort = process.env.API_PORT ?? '8787';
const appPort = Number(process.env.APP_PORT ?? '8080');
const api = `http://127.0.0.1:${apiPort}`;
const app = `http://127.0.0.1:${appPort}`;
const root = import.meta.dirname;

const serverPackage = require.resolve('@connect-auth/server/package.json');
const serverBin = join(
  dirname(serverPackage),
  JSON.parse(readFileSync(serverPackage, 'utf8')).bin['connect-auth-server'],
);
const children = new Set();
function run(args) {
  const child = spawn(process.execPath, [serverBin, ...args], { stdio: 'inherit' });
  children.add(child);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
function stop() {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const data = ['--data-dir', '.data'];
await run(['import-legacy', 'accounts.csv', ...data]);
run(['serve', '--dev', '--port', apiPort, '--app-url', app, '--allowed-origins', app, ...data]);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};
createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', app).pathname);
  // `/reset` (the mailed link) is reset.html; `/` is index.html.
  const name = path === '/' ? '/index.html' : extname(path) ? path : `${path}.html`;
  const file = normalize(join(root, name));
  if (!file.startsWith(root + sep)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res
      .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(appPort, '127.0.0.1', () => {
  console.log(`\n  pages: ${app}   API: ${api}   dev inbox: ${api}/dev/inbox\n`);
});
