/**
 * Writes `dist/openapi.json` (published as `@connect-auth/core/openapi.json`) from the contract's
 * zod schemas, after tsup has built `dist/`; run by `pnpm run build`. With `--docs` it writes the
 * rendered page `docs/contract-reference.md` instead (kept current by `openapi.test.ts`).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOpenApiDocument } from '../src/openapi/index.ts';
import { renderOpenApiMarkdown } from '../src/openapi/markdown.ts';

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv.includes('--docs')) {
  const out = join(here, '..', '..', '..', 'docs', 'contract-reference.md');
  writeFileSync(out, renderOpenApiMarkdown(createOpenApiDocument()));
  console.log(`wrote ${out}`);
} else {
  const out = join(here, '..', 'dist', 'openapi.json');
  writeFileSync(out, `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
