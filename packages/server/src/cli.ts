#!/usr/bin/env node
/**
 * Entry point of the `connect-auth-server` bin. From source:
 * `node --conditions=@connect-auth/source packages/server/src/cli.ts serve --dev`.
 *
 * @packageDocumentation
 */
import { main } from './cli/main.ts';

export { main } from './cli/main.ts';

if (import.meta.main) {
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  });
  process.exitCode = code;
}
