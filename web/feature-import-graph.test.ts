/**
 * docs/design-rules.md § Rule 15: web features do not import each other in both directions, directly or
 * through a longer cycle; what two features share moves down into a piece both use, and screens
 * that compose several features live in routes/ or app/. ESLint's no-restricted-imports cannot see
 * a cycle, so this test reads every import of web/features/ and looks for one. It also keeps
 * names unambiguous: no two files of web/ differ only by their extension (a `.ts` and a `.tsx` of
 * the same name read as one file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webRoot = import.meta.dirname;
const featuresRoot = path.join(webRoot, 'features');

/** Every file below `folder`, as paths relative to it with `/` separators. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The specifiers of `import … from`, `export … from`, `import '…'` and `import('…')`, with their line. */
function importsOf(source: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const pattern = /\b(?:from|import)\s*\(?\s*'([^']+)'|\b(?:from|import)\s*\(?\s*"([^"]+)"/g;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier === undefined) continue;
    found.push({ specifier, line: source.slice(0, match.index).split('\n').length });
  }
  return found;
}

interface FeatureImport {
  from: string;
  to: string;
  /** Where it is written, e.g. `plans/plan-header.tsx:6 imports ../reports/report-download.tsx`. */
  where: string;
}

/** Each import of one feature's file from another feature's, read from the source files. */
function featureImports(): FeatureImport[] {
  const imports: FeatureImport[] = [];
  for (const file of filesBelow(featuresRoot).filter((name) => /\.tsx?$/.test(name))) {
    const from = file.split('/')[0]!;
    const source = readFileSync(path.join(featuresRoot, file), 'utf8');
    for (const { specifier, line } of importsOf(source)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(featuresRoot, path.resolve(featuresRoot, path.dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const to = target.split(path.sep)[0]!;
      if (to !== from) imports.push({ from, to, where: `${file}:${line} imports ${specifier}` });
    }
  }
  return imports;
}

/** Tarjan's strongly connected components: each set of features that reach each other. */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    lowest.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, index.get(next)!));
      }
    }
    if (lowest.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** The shortest way from `start` back to itself, e.g. ['actions', 'plans', 'actions']. */
function shortestCycle(start: string, edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (next === start) {
        const way = [node];
        while (way[0] !== start) way.unshift(cameFrom.get(way[0]!)!);
        return [...way, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [];
}

/** One sentence per cycle: its features, the shortest loop and the import line of each step. */
function describeCycles(imports: readonly FeatureImport[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  const nodes = [...new Set(imports.flatMap(({ from, to }) => [from, to]))].sort();
  return stronglyConnected(nodes, edges)
    .filter((component) => component.length > 1)
    .map((component) => {
      const loop = shortestCycle(component[0]!, edges);
      const steps = loop.slice(1).map((to, step) => imports.find((entry) => entry.from === loop[step] && entry.to === to)!.where);
      return `${component.join(', ')} import each other, e.g. ${loop.join(' → ')} (${steps.join('; ')})`;
    })
    .sort();
}

describe('the web app', () => {
  it('names a cycle of features when there is one', () => {
    const imports = [
      { from: 'plans', to: 'actions', where: 'plans/a.ts:1 imports ../actions/b.ts' },
      { from: 'actions', to: 'comments', where: 'actions/b.ts:2 imports ../comments/c.ts' },
      { from: 'comments', to: 'plans', where: 'comments/c.ts:3 imports ../plans/a.ts' },
      { from: 'reports', to: 'plans', where: 'reports/d.ts:4 imports ../plans/a.ts' },
    ];
    expect(describeCycles(imports)).toEqual([
      'actions, comments, plans import each other, e.g. actions → comments → plans → actions ' +
        '(actions/b.ts:2 imports ../comments/c.ts; comments/c.ts:3 imports ../plans/a.ts; plans/a.ts:1 imports ../actions/b.ts)',
    ]);
  });

  it('has features that import each other in one direction only', () => {
    expect(describeCycles(featureImports())).toEqual([]);
  });

  it('has no two files that differ only by their extension', () => {
    const byStem = new Map<string, string[]>();
    for (const file of filesBelow(webRoot)) {
      const stem = file.replace(/\.[^./]+$/, '');
      byStem.set(stem, [...(byStem.get(stem) ?? []), file]);
    }
    const sameNames = [...byStem.values()].filter((files) => files.length > 1).map((files) => files.sort().join(' and '));
    expect(sameNames.sort()).toEqual([]);
  });
});
