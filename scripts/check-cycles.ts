/**
 * `pnpm run check:cycles`: no import cycle between the source files of a package
 * (`packages/<name>/src`, tests included, type-only imports included: a cycle of types is still
 * two files that cannot be understood one without the other). Prints every cycle found and exits
 * 1; prints the number of files and imports read otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files `file` imports or re-exports by a relative specifier. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .filter((target) => existsSync(target));
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

let files = 0;
let edges = 0;
const found: string[][] = [];
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const src = join(root, 'packages', name, 'src');
  if (!existsSync(src)) continue;
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const targets = importsOf(file);
    graph.set(file, targets);
    files++;
    edges += targets.length;
  }
  found.push(...cycles(graph));
}
for (const component of found) {
  process.stdout.write(
    `check:cycles: import cycle among ${component.map((f) => relative(root, f)).join(', ')}\n`,
  );
}
if (found.length > 0) {
  process.stderr.write(`check:cycles: ${found.length} cycle(s)\n`);
  process.exit(1);
}
process.stdout.write(`check:cycles: no import cycle (${files} files, ${edges} relative imports)\n`);
