#!/usr/bin/env node
/**
 * Entry point of the `connect-auth-conformance` bin. From source:
 * `node --conditions=@connect-auth/source packages/conformance/src/cli.ts --url …`.
 *
 * @packageDocumentation
 */
import { main } from './main.ts';

// Unconditional: this module is only ever the bin. A guard on `import.meta.main` (Node ≥ 22.18)
// made older Nodes exit 0 having checked nothing — the one answer a conformance kit must never
// give by accident.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
