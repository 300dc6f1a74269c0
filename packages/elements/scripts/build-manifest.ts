/**
 * Writes `custom-elements.json`, the Custom Elements Manifest of the package, from the source:
 * the analyzer (with its Lit plugin) reads the components' JSDoc (`@attr`, `@prop`, `@event`, …)
 * and `static properties`; this script then
 *
 * - keeps the public API only (no `_state` fields, `#private` or protected members, statics);
 * - gives every attribute and property a description (an attribute lends its description to its
 *   property and the other way round);
 * - adds the shared stylesheet's `--connect-*` custom properties to every element, from the
 *   `@cssproperty` list of `src/shared/base.styles.ts`, and fails when a stylesheet uses a
 *   `var(--connect-*)` that list does not describe (or the list names one no stylesheet uses);
 * - lays the modules out as shipped: `dist/define/<name>.js` declares its element and exports its
 *   `custom-element-definition`s (read from the `define(tag, Class)` calls of the entry),
 *   `dist/all.js` defines every tag, `dist/index.js` declares the base class and the events;
 * - fails on anything undescribed or unnamed.
 *
 * Run by the package's `build` script: `node scripts/build-manifest.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as analyzer from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import type {
  Attribute,
  CssProperty,
  Declaration,
  Export,
  Manifest,
  Member,
  Module,
  Reference,
} from './manifest-types.ts';

// The analyzer's own TypeScript (its AST checks need the same copy); its d.ts omits these two.
const { create, ts } = analyzer as unknown as {
  create(options: { modules: unknown[]; plugins?: unknown[] }): unknown;
  ts: typeof import('typescript');
};
const pkg = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(join(pkg, path), 'utf8');
const INDEX = 'dist/index.js';
const problems: string[] = [];

/** `define('connect-x', ConnectX)` calls of an entry file, in order. */
function definitionsIn(path: string): { tag: string; className: string }[] {
  return [...read(path).matchAll(/\bdefine\(\s*'(connect-[a-z-]+)',\s*(\w+)\s*\)/g)].map((m) => ({
    tag: m[1] as string,
    className: m[2] as string,
  }));
}

/** Custom properties described in base.styles.ts, checked against every stylesheet's `var()`s. */
function cssProperties(): CssProperty[] {
  const described = [
    ...read('src/shared/base.styles.ts').matchAll(
      /@cssproperty \[(--connect-[a-z-]+)=([^\]]+)\] - (.+)/g,
    ),
  ].map((m) => ({ name: m[1] as string, default: m[2] as string, description: m[3] as string }));
  const styleFiles = readdirSync(join(pkg, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.styles.ts'),
  );
  const used = new Set(
    styleFiles.flatMap((f) =>
      [...read(join('src', f)).matchAll(/var\(\s*(--connect-[a-z-]+)/g)].map((m) => m[1] as string),
    ),
  );
  const names = new Set(described.map((p) => p.name));
  for (const name of used) {
    if (!names.has(name)) problems.push(`${name} is used in a stylesheet but not described`);
  }
  for (const name of names) {
    if (!used.has(name)) problems.push(`${name} is described but no stylesheet uses it`);
  }
  return described;
}

function isPublic(member: Member): boolean {
  return (
    !member.static &&
    (member.privacy === undefined || member.privacy === 'public') &&
    !member.name.startsWith('_') &&
    !member.name.startsWith('#')
  );
}

/** Classes the analyzed sources declare (anything else without a package is a global). */
let declared = new Set<string>();

/** A reference to the base class or another declaration, as shipped. */
function shipped(ref: Reference | undefined): Reference | undefined {
  if (!ref) return undefined;
  if (ref.package) return ref;
  if (!declared.has(ref.name)) return { name: ref.name, package: 'global:' };
  return { name: ref.name, module: INDEX };
}

function publicClass(declaration: Declaration): Declaration {
  const members = (declaration.members ?? []).filter(isPublic).map((m) => ({
    ...m,
    privacy: undefined,
    inheritedFrom: shipped(m.inheritedFrom),
  }));
  const attributes: Attribute[] = (declaration.attributes ?? []).map((a) => ({
    ...a,
    inheritedFrom: shipped(a.inheritedFrom),
  }));
  // One description for an attribute and its property.
  for (const attribute of attributes) {
    const member = members.find((m) => m.name === attribute.fieldName);
    if (!member) continue;
    member.description ||= attribute.description;
    attribute.description ||= member.description;
  }
  const out: Declaration = {
    ...declaration,
    description: [declaration.summary, declaration.description].filter(Boolean).join('\n\n'),
    superclass: shipped(declaration.superclass),
    members: members.map(({ privacy: _, ...m }) => m),
    attributes,
  };
  for (const key of ['slots', 'cssParts', 'events', 'cssProperties'] as const) {
    if (out[key]?.length === 0) delete out[key];
  }
  return out;
}

/** Names and descriptions everywhere, public members only. */
function check(manifest: Manifest): void {
  for (const module of manifest.modules) {
    for (const d of module.declarations) {
      const where = `${module.path} ${d.name}`;
      if (!d.name) problems.push(`${module.path}: a declaration without a name`);
      if (d.kind === 'class' && !d.description) problems.push(`${where}: no description`);
      const lists = {
        members: d.members,
        attributes: d.attributes,
        events: d.events,
        cssProperties: d.cssProperties,
        slots: d.slots,
        cssParts: d.cssParts,
      };
      for (const [list, items] of Object.entries(lists)) {
        for (const item of items ?? []) {
          if (!item.name) problems.push(`${where}: an entry of ${list} without a name`);
          else if (!item.description)
            problems.push(`${where}: ${list} ${item.name}: no description`);
        }
      }
    }
    for (const e of module.exports) {
      if (!e.name) problems.push(`${module.path}: an export without a name`);
    }
  }
}

const sources = [
  'src/shared/connect-element.ts',
  'src/shared/events.ts',
  ...readdirSync(join(pkg, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.component.ts'))
    .map((f) => join('src', f))
    .sort(),
];
const analyzed = create({
  modules: sources.map((path) =>
    ts.createSourceFile(path, read(path), ts.ScriptTarget.ES2022, true),
  ),
  plugins: litPlugin(),
}) as unknown as Manifest;

const declarations = analyzed.modules.flatMap((m) => m.declarations);
declared = new Set(declarations.map((d) => d.name));
const css = cssProperties();
const elements = new Map(
  declarations
    .filter((d) => d.kind === 'class' && d.tagName)
    .map((d) => [
      d.name,
      { ...publicClass(d), customElement: true, cssProperties: css } satisfies Declaration,
    ]),
);
const moduleOfTag = (tag: string): string => `dist/define/${tag.replace(/^connect-/, '')}.js`;
const definitionExports = (path: string): Export[] =>
  definitionsIn(path).map(({ tag, className }) => {
    const element = elements.get(className);
    if (!element) problems.push(`${path}: define('${tag}', ${className}) names no element class`);
    else if (element.tagName !== tag) {
      problems.push(
        `${path}: ${className} is defined as ${tag} but documents @tag ${element.tagName}`,
      );
    }
    return {
      kind: 'custom-element-definition',
      name: tag,
      declaration: { name: className, module: moduleOfTag(tag) },
    };
  });

const defineModules: Module[] = [...elements.values()]
  .sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''))
  .map((element) => {
    const path = moduleOfTag(element.tagName as string);
    const source = `src/define/${(element.tagName as string).replace(/^connect-/, '')}.ts`;
    return {
      kind: 'javascript-module',
      path,
      description: `Registers <${element.tagName}> and the elements it renders.`,
      declarations: [element],
      exports: [
        { kind: 'js', name: element.name, declaration: { name: element.name, module: path } },
        ...definitionExports(source),
      ],
    };
  });

const indexDeclarations = declarations
  .filter((d) => !d.tagName)
  .map((d) => (d.kind === 'class' ? publicClass(d) : d));
const manifest: Manifest = {
  schemaVersion: '1.0.0',
  readme: 'README.md',
  modules: [
    {
      kind: 'javascript-module',
      path: INDEX,
      description: 'The classes, events and strings API; no side effects (registers nothing).',
      declarations: indexDeclarations,
      exports: [
        ...indexDeclarations.map(
          (d): Export => ({
            kind: 'js',
            name: d.name,
            declaration: { name: d.name, module: INDEX },
          }),
        ),
        ...[...elements.values()].map(
          (d): Export => ({
            kind: 'js',
            name: d.name,
            declaration: { name: d.name, module: moduleOfTag(d.tagName as string) },
          }),
        ),
      ],
    },
    {
      kind: 'javascript-module',
      path: 'dist/all.js',
      description: 'Registers every element.',
      declarations: [],
      exports: definitionExports('src/all.ts'),
    },
    ...defineModules,
  ],
};

/** JSDoc line breaks are not paragraph breaks: one line per paragraph. */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        (k === 'description' || k === 'summary') && typeof v === 'string'
          ? v.replace(/([^\n])\n(?!\n)\s*/g, '$1 ').trim()
          : unwrap(v),
      ]),
    );
  }
  return value;
}

check(manifest);
if (problems.length > 0) {
  console.error(`custom-elements.json not written:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
writeFileSync(join(pkg, 'custom-elements.json'), `${JSON.stringify(unwrap(manifest), null, 2)}\n`);
