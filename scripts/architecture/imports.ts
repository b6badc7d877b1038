// The import graph of the sources and the rules it must keep (pure: the caller reads the files). The floor protocol/
// and the pages run in a browser, so they import no Node module, no SQLite and no server; the hall-server, the
// region-server and the device-bridge never import each other (the two servers meet on protocol/ and server-shared/,
// the hall and the bridge on protocol/ only); and no file reaches itself through its imports.
import { posix } from 'node:path';

/** A source file: its path from the project root (forward slashes) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One import as written and, for a relative one, the project file it names (null for a package or Node module). */
export interface ImportEdge {
  from: string;
  specifier: string;
  target: string | null;
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')` with a string literal.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2] as string);
}

/** The project file a relative specifier names: as written, or with .ts/.tsx or /index.ts added. */
export function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (known.has(candidate)) return candidate;
  return base;
}

export function importEdges(files: readonly SourceFile[]): ImportEdge[] {
  const known = new Set(files.map((f) => f.path));
  return files.flatMap((f) =>
    importSpecifiers(f.text).map((specifier) => ({ from: f.path, specifier, target: resolveSpecifier(f.path, specifier, known) })),
  );
}

const under = (path: string | null, folder: string) => path !== null && path.startsWith(`${folder}/`);

/** The three programs that run on their own; none imports another. */
const SERVER_PARTS = ['hall-server', 'region-server', 'device-bridge'];

/** Why an import breaks a boundary, or null when it keeps them all. */
export function boundaryViolation(edge: ImportEdge): string | null {
  const { from, specifier, target } = edge;
  const browserSide = under(from, 'protocol') || under(from, 'kiosk-app');
  if (browserSide && specifier.startsWith('node:')) return 'a browser-side file imports a Node module';
  if (browserSide && specifier === 'better-sqlite3') return 'a browser-side file imports better-sqlite3';
  if (browserSide && SERVER_PARTS.concat('server-shared').some((part) => under(target, part))) {
    return 'a browser-side file imports a server';
  }
  if (under(from, 'protocol') && under(target, 'kiosk-app')) return 'protocol/ imports a page';
  const servedParts = ['hall-server', 'region-server', 'device-bridge', 'kiosk-app', 'scripts', 'tests'];
  if (under(from, 'server-shared') && servedParts.some((part) => under(target, part))) return 'server-shared/ imports a part it serves';
  for (const part of SERVER_PARTS) {
    const other = SERVER_PARTS.find((o) => o !== part && under(from, part) && under(target, o));
    if (other) return `the ${part} imports the ${other}`;
  }
  return null;
}

/** Every import circle (a strongly connected group of two or more files, or a file importing itself), each sorted. */
export function importCircles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.target === null) continue;
    if (!next.has(e.from)) next.set(e.from, new Set());
    next.get(e.from)?.add(e.target);
  }
  // Tarjan's algorithm, iterative so a deep chain of imports cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; children: string[]; at: number }> = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: [...(next.get(node) ?? [])], at: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.at < frame.children.length) {
        const child = frame.children[frame.at++] as string;
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const group: string[] = [];
      for (;;) {
        const member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
        if (member === frame.node) break;
      }
      if (group.length > 1 || next.get(frame.node)?.has(frame.node)) circles.push(group.sort());
    }
  }
  return circles;
}

/** Every project file the entries reach through their imports, the entries included, sorted. */
export function reachableFiles(edges: readonly ImportEdge[], entries: readonly string[]): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.target !== null) next.set(e.from, [...(next.get(e.from) ?? []), e.target]);
  const seen = new Set<string>(entries);
  const todo = [...entries];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    for (const target of next.get(file) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      todo.push(target);
    }
  }
  return [...seen].sort();
}
