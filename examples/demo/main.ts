/**
 * `pnpm demo` (and `npm start`, after set-up): start the demo and say what to do with it.
 *
 *   pnpm demo [--port 8787] [--data-dir .data/demo] [--reset] [--verbose]
 *
 * `PORT` works as well as `--port`. Ctrl-C stops it gracefully.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '@connect-auth/server';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, DemoError, startDemo } from './demo.ts';

const USAGE = `Usage: pnpm demo [options]

  --port <n>        port to listen on (default ${DEFAULT_PORT}, or PORT)
  --data-dir <dir>  where the demo keeps its database (default .data/demo)
  --reset           delete the demo's data first: every demo account awaits activation again
  --verbose         print the server's request log
  -h, --help        this text
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let args: ReturnType<typeof parseFlags>;
function parseFlags() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}
try {
  args = parseFlags();
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const portText = args.port ?? process.env.PORT;
const port = portText === undefined || portText === '' ? DEFAULT_PORT : Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`The port must be a whole number from 0 to 65535, got "${portText}".`);
}
const dataDir = args['data-dir'] ?? DEFAULT_DATA_DIR;

process.stdout.write('Starting the Connect Auth demo…\n');
let demo: Awaited<ReturnType<typeof startDemo>>;
try {
  demo = await startDemo({
    port,
    dataDir,
    reset: args.reset,
    logger: args.verbose ? createLogger() : undefined,
  });
} catch (error) {
  fail(error instanceof DemoError ? error.message : `The demo could not start: ${String(error)}`);
}

const { url, inboxUrl, account, activated } = demo;
if (args.reset) process.stdout.write(`--reset: started with fresh demo data.\n`);
const earlier = activated.length
  ? `\n  Already activated in an earlier run: ${activated.map((a) => a.email).join(', ')}
  (sign in with the password you chose). A fresh account awaits activation below;
  run \`pnpm demo --reset\` to start from scratch.\n`
  : '';
process.stdout.write(`
  Connect Auth demo: ${url}
${earlier}
  Migrated account, ready to activate: ${account.email} (${account.name})
  Dev inbox (the emails the server would send): ${inboxUrl}

  Walk the activation, as on the portal:
    1. Open ${url}/lost-password and enter ${account.email}; select Reset Password.
    2. Open the dev inbox and follow the link in the newest email
       ("Password Reset Request for Codelocks Connect").
    3. The page names the account. Choose a password and confirm it: at least 8 characters
       with upper- and lower-case letters and a number (a special character such as - ! @ # & $
       is recommended). Save.
    4. Sign in with ${account.email} and the new password.

  Data: ${demo.dataDir}    Press Ctrl-C to stop.
`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) {
    process.stderr.write('Stopping now.\n');
    process.exit(130);
  }
  stopping = true;
  process.stdout.write(`\n${signal}: stopping the demo…\n`);
  await demo.close();
  process.stdout.write('Stopped.\n');
  process.exit(0);
};
process.on('SIGINT', () => void stop('Ctrl-C'));
process.on('SIGTERM', () => void stop('SIGTERM'));
