/**
 * The code blocks of the guides compile against the packages' current source.
 *
 * Every ```ts and ```js block of the pages below is written to its own module under
 * `node_modules/.cache/docs-snippets/` and type-checked with the TypeScript compiler API using
 * `tsconfig.base.json`'s options (`.ts` blocks strictly; `.js` blocks as a JavaScript reader's
 * editor checks them: `checkJs`, without strict null checks). A block that uses names defined
 * elsewhere on the page declares them in an HTML comment right above its fence:
 *
 *     <!-- snippet-prelude: declare const email: string; -->
 *
 * and a block that cannot be checked says why: `<!-- snippet: skip (reason) -->`. Nothing is
 * skipped silently: other fenced languages (sh, html, css, tsx, vue) are not TypeScript and are
 * counted in a test's name. The html blocks are checked another way: every `<connect-*>` tag in
 * them must be an element of `packages/elements/custom-elements.json`, with only the attributes
 * it declares. And the string ids listed in `docs/elements.md` must be exactly those of the
 * English table, `packages/elements/src/strings/en-base.ts` + `en-errors.ts` + `account/en.ts`; core's README lists every error code of
 * `contract/codes.ts` with the HTTP status the server answers; relative links between the guides
 * lead to files and headings that exist.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, ERROR_STATUS, SERVER_ERROR_CODES } from '../src/contract/codes.ts';

const root = resolve(import.meta.dirname, '../../..');
const pages = [
  'README.md',
  'packages/core/README.md',
  'packages/server/README.md',
  'docs/elements.md',
  'docs/server.md',
  'docs/getting-started.md',
  'docs/cors.md',
  'docs/deploying.md',
  'docs/activating-migrated-accounts.md',
  'docs/faq.md',
  'docs/implementing-the-contract.md',
  'packages/conformance/README.md',
  'docs/operators.md',
];
const outDir = join(root, 'node_modules/.cache/docs-snippets');

interface Snippet {
  /** `docs/server.md:30` — the line of the opening fence. */
  where: string;
  lang: 'ts' | 'js';
  prelude: string;
  code: string;
  /** Line in the markdown file of the block's first code line. */
  firstLine: number;
  page: string;
}

interface Skipped {
  where: string;
  reason: string;
}

/** Finds the fenced blocks of one page, with their markers. */
function extract(page: string): { snippets: Snippet[]; skipped: Skipped[]; others: string[] } {
  const lines = readFileSync(join(root, page), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  const skipped: Skipped[] = [];
  const others: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const lang = open[1] ?? '';
    const start = i;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    const code = lines.slice(start + 1, end).join('\n');
    const where = `${page}:${start + 1}`;
    i = end;
    const marker = markerAbove(lines, start);
    if (lang !== 'ts' && lang !== 'js') {
      others.push(`${where} (${lang || 'no language'})`);
      continue;
    }
    const skip = /^<!--\s*snippet:\s*skip\s*\((.+)\)\s*-->$/.exec(marker);
    if (skip) {
      skipped.push({ where, reason: skip[1] ?? '' });
      continue;
    }
    const prelude = /^<!--\s*snippet-prelude:\s*([\s\S]*?)\s*-->$/.exec(marker)?.[1] ?? '';
    snippets.push({ where, lang, prelude, code, firstLine: start + 2, page });
  }
  return { snippets, skipped, others };
}

/** The HTML comment on the closest non-blank line above a fence, or ''. */
function markerAbove(lines: string[], fence: number): string {
  for (let j = fence - 1; j >= 0; j--) {
    const line = (lines[j] ?? '').trim();
    if (line === '') continue;
    return line.startsWith('<!--') ? line : '';
  }
  return '';
}

/** Type-checks the snippets of one language; returns `file:line: message` per error. */
function check(snippets: Snippet[], lang: 'ts' | 'js'): string[] {
  const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  const parsed = ts.convertCompilerOptionsFromJson(base.config.compilerOptions, root);
  expect(parsed.errors).toEqual([]);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    // @connect-auth/server is not a dependency of the repository root, where the snippets live.
    paths: {
      '@connect-auth/server': [join(root, 'packages/server/src/index.ts')],
      '@connect-auth/conformance': [join(root, 'packages/conformance/src/index.ts')],
    },
    ...(lang === 'js' ? { allowJs: true, checkJs: true, strictNullChecks: false } : {}),
  };
  const files = new Map<string, { snippet: Snippet; preludeLines: number }>();
  snippets.forEach((snippet, n) => {
    const file = join(
      outDir,
      `${n}-${snippet.page.replace(/[^\w]+/g, '-')}.${lang === 'ts' ? 'mts' : 'mjs'}`,
    );
    const prelude = snippet.prelude ? `${snippet.prelude}\n` : '';
    // `export {}` makes every block a module, so top-level await works and names do not collide.
    writeFileSync(file, `${prelude}${snippet.code}\nexport {};\n`);
    files.set(file, { snippet, preludeLines: prelude ? prelude.split('\n').length - 1 : 0 });
  });
  const program = ts.createProgram([...files.keys()], options);
  const errors: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) {
      errors.push(`options: ${message}`);
      continue;
    }
    // The packages' own files are tsc's job (and the JS check relaxes null checks for them too).
    const origin = files.get(resolve(diagnostic.file.fileName));
    if (!origin || diagnostic.start === undefined) continue;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const inBlock = line - origin.preludeLines;
    const at =
      inBlock < 0
        ? `${origin.snippet.where} (its snippet-prelude)`
        : `${origin.snippet.page}:${origin.snippet.firstLine + inBlock}`;
    errors.push(`${at}: ${message}`);
  }
  return errors;
}

interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
}

/** Tag → attribute names, from the Custom Elements Manifest the elements package publishes. */
function manifestAttributes(): Map<string, Set<string>> {
  const file = join(root, 'packages/elements/custom-elements.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const tags = new Map<string, Set<string>>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.tagName) continue;
    tags.set(declaration.tagName, new Set((declaration.attributes ?? []).map((a) => a.name)));
  }
  return tags;
}

/** Every `<connect-*>` start tag in the html blocks of a page, with its attribute names. */
function htmlTags(page: string): { where: string; tag: string; attributes: string[] }[] {
  const text = readFileSync(join(root, page), 'utf8');
  const found: { where: string; tag: string; attributes: string[] }[] = [];
  for (const block of text.matchAll(/^```html\n([\s\S]*?)^```$/gm)) {
    for (const start of (block[1] ?? '').matchAll(/<(connect-[a-z-]+)([^>]*)>/g)) {
      const at = (block.index ?? 0) + '```html\n'.length + (start.index ?? 0);
      const line = text.slice(0, at).split('\n').length;
      const attributes = [...(start[2] ?? '').matchAll(/([a-z][a-z-]*)(?==|\s|$)/g)].map(
        (a) => a[1] ?? '',
      );
      found.push({ where: `${page}:${line}`, tag: start[1] ?? '', attributes });
    }
  }
  return found;
}

const extracted = pages.map(extract);
const snippets = extracted.flatMap((e) => e.snippets);
const skipped = extracted.flatMap((e) => e.skipped);
const others = extracted.flatMap((e) => e.others);

describe('the guides are true to the code', () => {
  it('finds the ts and js blocks of the guides', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10);
  });

  it('every ts and js block compiles against the current source', () => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const ts = snippets.filter((s) => s.lang === 'ts');
    const js = snippets.filter((s) => s.lang === 'js');
    const errors = [...check(ts, 'ts'), ...check(js, 'js')];
    expect(errors, errors.join('\n')).toEqual([]);
  }, 120_000);

  it('the html blocks use only tags and attributes the elements declare', () => {
    const tags = manifestAttributes();
    const global = new Set(['id', 'class', 'style', 'lang', 'hidden', 'slot']);
    const used = ['docs/elements.md', 'packages/elements/README.md', 'README.md'].flatMap(htmlTags);
    expect(used.length).toBeGreaterThanOrEqual(6);
    const wrong = used.flatMap(({ where, tag, attributes }) => {
      const known = tags.get(tag);
      if (!known) return [`${where}: <${tag}> is not an element of the package`];
      return attributes
        .filter((a) => !known.has(a) && !global.has(a))
        .map((a) => `${where}: <${tag}> has no attribute ${a}`);
    });
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it("elements.md's table of string ids is exactly the English table's ids", () => {
    // The English table is three files: what every page needs, the lazily loaded error texts,
    // and the account elements' own strings.
    const en = ['en-base.ts', 'en-errors.ts', 'account/en.ts']
      .map((file) => readFileSync(join(root, 'packages/elements/src/strings', file), 'utf8'))
      .join('\n');
    const ids = new Set([...en.matchAll(/^ {2}'([a-z_.0-9]+)':/gm)].map((m) => m[1] ?? ''));
    const page = readFileSync(join(root, 'docs/elements.md'), 'utf8');
    const table = page.slice(page.indexOf('| group '), page.indexOf('## Theming'));
    const documented = new Set<string>();
    for (const row of table.split('\n')) {
      const cells = row.split('|');
      const group = cells[1]?.trim() ?? '';
      for (const [, id] of (cells[2] ?? '').matchAll(/`([a-z_]+(?:\.[a-z_0-9]+)*)`/g)) {
        if (!id) continue;
        // In the errors row, bare codes stand for `error.<code>`.
        documented.add(group === 'errors' && !id.includes('.') ? `error.${id}` : id);
      }
    }
    // `password.strength.0`…`4` is written as a range.
    if (documented.has('password.strength.0')) {
      for (const n of [1, 2, 3, 4]) documented.add(`password.strength.${n}`);
    }
    expect(ids.size).toBeGreaterThan(100);
    expect([...documented].filter((id) => !ids.has(id)).sort(), 'documented, not in en.ts').toEqual(
      [],
    );
    expect([...ids].filter((id) => !documented.has(id)).sort(), 'in en.ts, not documented').toEqual(
      [],
    );
  });

  it("core's README lists every error code, with the status the server answers", () => {
    const page = readFileSync(join(root, 'packages/core/README.md'), 'utf8');
    const table = page.slice(page.indexOf('| code | class | when |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    const listed = new Map<string, string>();
    for (const row of rows) {
      const cells = row.split('|');
      for (const [, code] of (cells[1] ?? '').matchAll(/`([a-z_]+)`/g)) {
        if (code) listed.set(code, cells[3] ?? '');
      }
    }
    const known = [...new Set([...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES])];
    expect(known.filter((code) => !listed.has(code))).toEqual([]);
    expect([...listed.keys()].filter((code) => !known.includes(code as never))).toEqual([]);
    const wrongStatus = SERVER_ERROR_CODES.filter((code) => {
      const status = /\((\d{3})\)\s*$/.exec(listed.get(code)?.trim() ?? '')?.[1];
      return status !== undefined && Number(status) !== ERROR_STATUS[code];
    });
    expect(wrongStatus).toEqual([]);
  });

  it('relative links between the guides resolve to files and headings that exist', () => {
    const guides = [
      ...pages,
      ...['README.md', 'architecture.md', 'contributing.md', 'api-readme.md'].map(
        (f) => `docs/${f}`,
      ),
      ...[
        'packages/elements',
        'examples/demo',
        'examples/node-client',
        'examples/react',
        'examples/vue',
        'examples/vanilla',
        'examples/backend-verify',
      ].map((d) => `${d}/README.md`),
    ];
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[`*_]/g, '')
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-');
    const anchors = (file: string) => {
      const text = readFileSync(file, 'utf8');
      return new Set([
        ...[...text.matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1] ?? '')),
        ...[...text.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1] ?? ''),
      ]);
    };
    const broken: string[] = [];
    for (const page of guides) {
      const text = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
      for (const [, link = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [path = '', fragment] = link.split('#');
        const target = path ? resolve(dirname(join(root, page)), path) : join(root, page);
        if (!existsSync(target)) broken.push(`${page}: ${link} (no such file)`);
        else if (fragment && target.endsWith('.md') && !anchors(target).has(fragment)) {
          broken.push(`${page}: ${link} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  // Reported, not hidden: what is skipped and why, and what is not TypeScript at all.
  for (const { where, reason } of skipped) {
    it.skip(`${where}: skipped by its marker (${reason})`, () => {});
  }
  it(`blocks in other languages are not type-checked: ${others.length}`, () => {
    expect(others.every((o) => !o.includes('(ts)') && !o.includes('(js)'))).toBe(true);
  });
});
