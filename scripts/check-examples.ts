/**
 * `pnpm run check:examples`: TSDoc `@example`s pay their way. Every declaration a package's
 * exports reach (the `@connect-auth/source` path of each `exports` entry, followed through
 * re-exports) shows how it is used with an `@example`, as jose does; internal modules carry none,
 * because a rote example on a private helper is a second copy of its code that nobody runs. Members
 * of public classes and interfaces may keep theirs.
 *
 *   node scripts/check-examples.ts         report; exit 1 on a missing or an internal example
 *   node scripts/check-examples.ts --fix   also delete the internal ones (comments stay otherwise)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const fix = process.argv.includes('--fix');

/** The source files each package's `exports` point at (`define/*` expanded). */
function entryFiles(): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      exports?: Record<string, unknown>;
    };
    for (const target of Object.values(manifest.exports ?? {})) {
      const source = (target as Record<string, unknown> | null)?.['@connect-auth/source'];
      if (typeof source !== 'string') continue;
      if (!source.includes('*')) {
        files.push(join(dir, source));
        continue;
      }
      const [before, after] = source.split('*') as [string, string];
      for (const file of readdirSync(join(dir, before))) {
        if (file.endsWith(after) && !file.endsWith(`.test${after}`))
          files.push(join(dir, before, file));
      }
    }
  }
  return files;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(entry.name) && !/\.(test|suite|gen)\.ts$|\.d\.ts$/.test(entry.name))
      out.push(path);
  }
  return out;
}

const entries = entryFiles();
const files = readdirSync(join(root, 'packages')).flatMap((name) =>
  sourceFiles(join(root, 'packages', name, 'src')),
);
const program = ts.createProgram(files, {
  allowImportingTsExtensions: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  customConditions: ['@connect-auth/source'],
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

/**
 * Declarations the exports reach: what the entries export, and the types their declarations name
 * (an options interface a public function takes is public even if no entry exports it by name).
 */
const publicDeclarations = new Set<ts.Node>();
const work: ts.Node[] = [];
const reach = (symbol: ts.Symbol | undefined) => {
  if (!symbol) return;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  for (const declaration of target.declarations ?? []) {
    if (!files.includes(declaration.getSourceFile().fileName)) continue;
    // `export const x = …`: the comment sits on the statement, not the declarator.
    const holder = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    if (publicDeclarations.has(holder)) continue;
    publicDeclarations.add(holder);
    work.push(holder);
  }
};
for (const entry of entries) {
  const file = program.getSourceFile(entry);
  const module = file && checker.getSymbolAtLocation(file);
  if (module) for (const symbol of checker.getExportsOfModule(module)) reach(symbol);
}
while (work.length > 0) {
  const visit = (node: ts.Node) => {
    // What a function does inside its body is not part of its signature.
    if (ts.isBlock(node) || (ts.isArrowFunction(node.parent) && node === node.parent.body)) return;
    if (ts.isTypeReferenceNode(node)) reach(checker.getSymbolAtLocation(node.typeName));
    else if (ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node))
      reach(
        checker.getSymbolAtLocation(ts.isTypeQueryNode(node) ? node.exprName : node.expression),
      );
    ts.forEachChild(node, visit);
  };
  visit(work.pop() as ts.Node);
}

const isPublic = (node: ts.Node): boolean => {
  for (let n: ts.Node | undefined = node; n; n = n.parent)
    if (publicDeclarations.has(n)) return true;
  return false;
};
const jsDocOf = (node: ts.Node): ts.JSDoc[] =>
  ((node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []).filter((d) => d.kind === ts.SyntaxKind.JSDoc);
const hasExample = (doc: ts.JSDoc) =>
  (doc.tags ?? []).some((tag) => tag.tagName.text === 'example');
const isFileDoc = (doc: ts.JSDoc) =>
  (doc.tags ?? []).some((tag) => ['packageDocumentation', 'module'].includes(tag.tagName.text));

/** Functions and classes (the API one calls) need an example; a type or a schema may go without. */
const callable = (node: ts.Node): boolean =>
  ts.isFunctionDeclaration(node) ||
  ts.isClassDeclaration(node) ||
  (ts.isVariableStatement(node) &&
    node.declarationList.declarations.some(
      (d) =>
        d.initializer &&
        (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)),
    ));

const problems: string[] = [];
const where = (file: ts.SourceFile, pos: number) =>
  `${file.fileName.slice(root.length + 1)}:${file.getLineAndCharacterOfPosition(pos).line + 1}`;

for (const file of program.getSourceFiles()) {
  if (!files.includes(file.fileName)) continue;
  const internal: ts.JSDoc[] = [];
  const visit = (node: ts.Node) => {
    for (const doc of jsDocOf(node)) {
      if (!hasExample(doc)) continue;
      // What an entry file says at its top level documents the module users import.
      if (entries.includes(file.fileName) && node.parent === file) continue;
      if (!isFileDoc(doc) && isPublic(node)) continue;
      internal.push(doc);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const node of publicDeclarations) {
    if (node.getSourceFile() !== file) continue;
    if (!callable(node)) continue;
    if (!jsDocOf(node).some(hasExample)) {
      problems.push(`${where(file, node.getStart())}: public export without an @example`);
    }
  }
  if (internal.length === 0) continue;
  if (!fix) {
    for (const doc of internal)
      problems.push(`${where(file, doc.getStart())}: @example on an internal declaration`);
    continue;
  }
  let text = file.text;
  for (const doc of internal.sort((a, b) => b.pos - a.pos)) {
    text =
      text.slice(0, doc.pos) + withoutExamples(text.slice(doc.pos, doc.end)) + text.slice(doc.end);
  }
  writeFileSync(file.fileName, text);
  process.stdout.write(`check:examples: ${where(file, 0)} ${internal.length} removed\n`);
}

/** A JSDoc comment without its `@example` sections (and the blank line before each). */
function withoutExamples(comment: string): string {
  const lines = comment.split('\n');
  const kept: string[] = [];
  let inExample = false;
  let fenced = false;
  for (const line of lines) {
    const body = line.replace(/^\s*\/?\*+\/?\s?/, '');
    const closing = /\*\/\s*$/.test(line);
    if (inExample) {
      if (body.startsWith('```')) fenced = !fenced;
      const nextTag = !fenced && /^@\w+/.test(body);
      if (!nextTag && !closing) continue;
      inExample = false;
      if (closing && !nextTag) {
        kept.push(line.replace(/^(\s*).*$/, '$1*/'));
        continue;
      }
      kept.push(line.replace(/^(\s*\*).*$/, '$1')); // the blank line between tags
    }
    if (/^@example\b/.test(body)) {
      inExample = true;
      fenced = false;
      while (kept.length > 1 && /^\s*\*\s*$/.test(kept[kept.length - 1] as string)) kept.pop();
      if (closing) kept.push(line.replace(/^(\s*).*$/, '$1*/'));
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}

for (const problem of problems) process.stdout.write(`check:examples: ${problem}\n`);
if (problems.length > 0) {
  process.stderr.write(`check:examples: ${problems.length} problem(s)\n`);
  process.exit(1);
}
process.stdout.write(
  `check:examples: ${publicDeclarations.size} public declarations, every function and class with an @example; none on internal declarations\n`,
);
