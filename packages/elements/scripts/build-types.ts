/**
 * Framework and editor data generated from `custom-elements.json` (so nothing repeats an
 * element's API by hand):
 *
 * - `dist/react.d.ts`: React 19 JSX types for every tag: attributes and settable properties as
 *   props (typed by the element classes), `on<event-name>` handlers typed by the event classes.
 * - `dist/vue.d.ts`: Vue 3 `GlobalComponents` entries with the same props and `on<EventName>`
 *   handlers, for `vue-tsc` and Volar.
 * - `dist/vscode.html-custom-data.json`: VS Code's HTML custom data (tags, attributes, values).
 *
 * `dist/react.js` and `dist/vue.js` are empty modules, so the type-only entries also resolve at
 * run time. Run by the package's `build` script, after `build-manifest.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Declaration, elementsOf, type Manifest } from './manifest-types.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const DOCS = 'https://github.com/codelocks/connect-auth/blob/main/docs/elements.md';
const manifest = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8')) as Manifest;
const elements = elementsOf(manifest)
  .map(({ element }) => element)
  .sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''));

const HEADER = '// Generated from custom-elements.json by scripts/build-types.ts: do not edit.\n';
const quote = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text: string | undefined, indent: string): string =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';
const pascal = (name: string): string =>
  name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const camel = (name: string): string =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

interface Prop {
  name: string;
  type: string;
  description: string | undefined;
}

/** Attributes (typed by their property), then settable properties without an attribute. */
function props(element: Declaration, attributeName: (name: string) => string): Prop[] {
  const out: Prop[] = [];
  const cls = element.name;
  for (const attribute of element.attributes ?? []) {
    out.push({
      name: attributeName(attribute.name),
      type: attribute.fieldName ? `${cls}[${JSON.stringify(attribute.fieldName)}]` : 'string',
      description: attribute.description,
    });
  }
  for (const member of element.members ?? []) {
    if (member.kind !== 'field' || member.readonly || member.static) continue;
    if (out.some((p) => p.name === member.name)) continue;
    out.push({
      name: member.name,
      type: `${cls}[${JSON.stringify(member.name)}]`,
      description: member.description,
    });
  }
  return out;
}

function events(element: Declaration, handlerName: (event: string) => string): Prop[] {
  return (element.events ?? []).map((event) => ({
    name: handlerName(event.name),
    type: `(event: ${event.type?.text ?? 'Event'}) => void`,
    description: `\`${event.name}\`: ${event.description ?? ''}`,
  }));
}

const typeImports = (): string => {
  const names = new Set<string>();
  for (const element of elements) {
    names.add(element.name);
    for (const event of element.events ?? []) if (event.type?.text) names.add(event.type.text);
  }
  return `import type { ${[...names].sort().join(', ')} } from './index.js';\n`;
};

const body = (list: Prop[], indent: string): string =>
  list.map((p) => `${doc(p.description, indent)}${indent}${quote(p.name)}?: ${p.type};\n`).join('');

function react(): string {
  let out = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${typeImports()}\n`;
  for (const element of elements) {
    const own = [
      ...props(element, (a) => a),
      // React 19 adds a listener for \`on<name>\` props of custom elements, name as written.
      ...events(element, (e) => `on${e}`),
    ];
    out += `${doc(`JSX props of \`<${element.tagName}>\`: ${element.summary ?? element.description ?? ''}`, '')}`;
    out += `export interface ${element.name}Props\n  extends Omit<DetailedHTMLProps<HTMLAttributes<${element.name}>, ${element.name}>, ${own.map((p) => `'${p.name}'`).join(' | ')}> {\n${body(own, '  ')}}\n\n`;
  }
  out += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const element of elements) out += `      '${element.tagName}': ${element.name}Props;\n`;
  out += '    }\n  }\n}\n';
  return out;
}

function vue(): string {
  let out = `${HEADER}import type { DefineComponent, HTMLAttributes } from 'vue';\n${typeImports()}\n`;
  for (const element of elements) {
    const own = [
      // Vue's template checker matches \`sign-in-url\` to a \`signInUrl\` prop.
      ...props(element, camel),
      // \`@connect-signed-in\` is checked as \`onConnectSignedIn\`.
      ...events(element, (e) => `on${pascal(e)}`),
    ];
    out += `${doc(`Vue props of \`<${element.tagName}>\`: ${element.summary ?? element.description ?? ''}`, '')}`;
    out += `export interface ${element.name}VueProps extends Omit<HTMLAttributes, ${own.map((p) => `'${p.name}'`).join(' | ')}> {\n${body(own, '  ')}}\n\n`;
  }
  out += `declare module 'vue' {\n  interface GlobalComponents {\n`;
  for (const element of elements) {
    out += `    '${element.tagName}': DefineComponent<${element.name}VueProps>;\n`;
  }
  out += '  }\n}\n';
  return out;
}

/** String-literal members of a type text (`'full' | 'none' | undefined` → full, none). */
const literals = (text: string | undefined): string[] =>
  [...(text ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] as string);

function vscode(): unknown {
  return {
    $schema:
      'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: {
        kind: 'markdown',
        value: [
          element.summary ?? element.description ?? '',
          element.events?.length
            ? `**Events:** ${element.events.map((e) => `\`${e.name}\``).join(', ')}`
            : '',
          '**Properties (JavaScript only):** ' +
            (element.members ?? [])
              .filter((m) => m.kind === 'field' && !m.readonly && !m.attribute)
              .map((m) => `\`${m.name}\``)
              .join(', '),
        ]
          .filter(Boolean)
          .join('\n\n'),
      },
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = literals(attribute.type?.text);
        return {
          name: attribute.name,
          description: attribute.description,
          ...(values.length > 0 ? { values: values.map((name) => ({ name })) } : {}),
          ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
      references: [{ name: 'Documentation', url: `${DOCS}#${element.tagName}` }],
    })),
  };
}

writeFileSync(join(pkg, 'dist/react.d.ts'), react());
writeFileSync(join(pkg, 'dist/react.js'), `${HEADER}export {};\n`);
writeFileSync(join(pkg, 'dist/vue.d.ts'), vue());
writeFileSync(join(pkg, 'dist/vue.js'), `${HEADER}export {};\n`);
writeFileSync(
  join(pkg, 'dist/vscode.html-custom-data.json'),
  `${JSON.stringify(vscode(), null, 2)}\n`,
);
