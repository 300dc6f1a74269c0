/**
 * Writes `dist/openapi.json` (published as `@connect-auth/core/openapi.json`) from the contract's
 * zod schemas, after tsup has built `dist/`. Run by `pnpm run build`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOpenApiDocument } from '../src/openapi/index.ts';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'openapi.json');
writeFileSync(out, `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${out}`);
