/**
 * The OpenAPI document rendered as Markdown for the docs (`docs/contract-reference.md`), so the
 * page readers see is the generated document, not a hand-written copy. Internal: written by
 * `node packages/core/scripts/write-openapi.ts --docs`, kept current by `openapi.test.ts`.
 */
import type { createOpenApiDocument } from './index.ts';

type Doc = ReturnType<typeof createOpenApiDocument>;
type Json = Record<string, unknown>;

const refName = (schema: unknown): string | undefined => {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref?.replace('#/components/schemas/', '');
};

const link = (name: string) => `[\`${name}\`](#${name.toLowerCase()})`;

function responseCell(response: Json): { body: string; notes: string } {
  const content = response.content as Record<string, { schema: Json }> | undefined;
  const notes: string[] = [];
  let body = '—';
  if (content) {
    const [type, media] = Object.entries(content)[0] ?? [];
    const schema = media?.schema;
    const all = (schema?.allOf as Json[] | undefined) ?? [];
    const name = refName(schema) ?? refName(all[0]);
    const codes = (
      (all[1]?.properties as Json | undefined)?.code as { enum?: string[] } | undefined
    )?.enum;
    body = name ? `${link(name)} (\`${type}\`)` : `\`${type}\``;
    if (codes) notes.push(codes.map((c) => `\`${c}\``).join(', '));
  }
  for (const header of Object.keys((response.headers as Json | undefined) ?? {}))
    notes.push(`\`${header}\` header`);
  return { body, notes: notes.join('; ') || '—' };
}

/** Render the document as the docs page. */
export function renderOpenApiMarkdown(doc: Doc): string {
  const info = doc.info as { title: string; version: string; description: string };
  const out: string[] = [
    '# Contract reference',
    '',
    '<!-- Generated from the zod contract by `node packages/core/scripts/write-openapi.ts --docs`; do not edit. -->',
    '',
    `${info.title}, contract version ${info.version}: OpenAPI ${doc.openapi}, JSON Schema 2020-12. The same document is served by`,
    'the reference server at `GET /v1/openapi.json` and published as `@connect-auth/core/openapi.json`;',
    '[Implementing the contract](implementing-the-contract.md) explains how to build and test a backend against it.',
    '',
    info.description,
    '',
    '## Calls',
    '',
  ];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const o = op as Json;
      out.push(`### \`${method.toUpperCase()} ${path}\` — ${o.summary}`, '');
      out.push(String(o.description), '');
      const body = refName(
        (
          (o.requestBody as Json | undefined)?.content as
            | Record<string, { schema: Json }>
            | undefined
        )?.['application/json']?.schema,
      );
      if (body) out.push(`Request body: ${link(body)} (\`application/json\`).`, '');
      const security = (o.security as Json[] | undefined) ?? [];
      if (security.some((s) => 'refreshCookie' in s))
        out.push('Authenticated by the refresh cookie (security scheme `refreshCookie`).', '');
      out.push('| status | body | codes, headers |', '| --- | --- | --- |');
      for (const [status, response] of Object.entries(o.responses as Record<string, Json>)) {
        const { body: cell, notes } = responseCell(response);
        out.push(`| ${status} | ${cell} | ${notes} |`);
      }
      out.push('');
    }
  }
  out.push('## Security schemes', '');
  for (const [name, scheme] of Object.entries(
    doc.components.securitySchemes as Record<string, Json>,
  )) {
    out.push(
      `- \`${name}\` (${scheme.type}${scheme.in ? ` in ${scheme.in} \`${scheme.name}\`` : ''}${scheme.scheme ? `, ${scheme.scheme}` : ''}): ${scheme.description}`,
    );
  }
  out.push('', '## Schemas', '');
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    out.push(`### ${name}`, '', '```json', JSON.stringify(schema, null, 2), '```', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
