#!/usr/bin/env node
/**
 * Entry point of the `connect-auth-conformance` bin. From source:
 * `node --conditions=@connect-auth/source packages/conformance/src/cli.ts --url …`.
 *
 * @packageDocumentation
 */
import { main } from './main.ts';

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
