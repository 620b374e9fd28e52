/**
 * The project's import graph, read from the source (no build needed): which module imports
 * which, file by file. `npm run -s deps` prints the module picture as a Mermaid diagram
 * (docs/architecture.md embeds it); test/architecture/boundaries.test.ts holds the rules.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

/** Every relative import between files under `srcDir` (paths relative to it). */
export function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of walk(srcDir)) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const target = resolve(file, match[3]);
      if (target) edges.push({ from: path.relative(srcDir, file), to: path.relative(srcDir, target), typeOnly: Boolean(match[2]) });
    }
  }
  return edges;
}

/** The area a file belongs to: `modules/claims`, `http`, `db`, `lib`, `client`, or the file itself at the top. */
export function areaOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'modules') return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : file.replace(/\.ts$/, '');
}

export function moduleGraph(edges: ImportEdge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const [from, to] = [areaOf(edge.from), areaOf(edge.to)];
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/** Cycles in a directed graph, each as the list of its nodes (Tarjan's strongly connected components of size > 1). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((set) => [...set])]);
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of nodes) if (!indexOf.has(node)) visit(node);
  return found;
}

export function mermaid(graph: Map<string, Set<string>>): string {
  const id = (area: string) => area.replace(/[^A-Za-z0-9]/g, '_');
  const lines = ['graph LR'];
  for (const [from, targets] of [...graph.entries()].sort())
    for (const to of [...targets].sort()) lines.push(`  ${id(from)}["${from}"] --> ${id(to)}["${to}"]`);
  return lines.join('\n');
}

if (require.main === module) {
  const srcDir = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../src' : '../src');
  const edges = importEdges(srcDir).filter((edge) => !edge.typeOnly);
  console.log(mermaid(moduleGraph(edges.filter((edge) => areaOf(edge.from) !== 'client'))));
}
