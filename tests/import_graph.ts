/**
 * The import graph of the app's own modules, read from their source, and the
 * cycles in it. Specifiers resolve as deno.json says: relative paths, and the
 * import-map prefixes that point into the repository (`@/`, `$fresh/`);
 * packages (`npm:`, `preact`, …) are outside the graph.
 */
import { dirname, join, relative, resolve } from "node:path";

/** Module (path relative to the root) → the modules it imports. */
export type ImportGraph = Map<string, string[]>;

/** Options of `readImportGraph`. */
export interface GraphOptions {
  /** The repository root (where deno.json is). */
  root: string;
  /** Folders under `root` whose .ts/.tsx files start the walk. */
  dirs: string[];
}

const SOURCE = /\.(ts|tsx)$/;
/** `import … from "x"`, `import "x"`, `export … from "x"`, `import type …`. */
const STATIC_IMPORT =
  /^\s*(?:import|export)\b(?:[^"';]*?\bfrom\s*)?\s*["']([^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The specifiers `source` imports (comments ignored). */
export function importSpecifiers(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  return [
    ...[...code.matchAll(STATIC_IMPORT)].map((m) => m[1]),
    ...[...code.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]),
  ];
}

/** The import-map prefixes of `root`'s deno.json that map into the repository. */
async function localPrefixes(root: string): Promise<[string, string][]> {
  let imports: Record<string, string> = {};
  try {
    imports = JSON.parse(await Deno.readTextFile(join(root, "deno.json")))
      .imports ?? {};
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return Object.entries(imports)
    .filter(([key, target]) => key.endsWith("/") && target.startsWith("./"))
    .map(([key, target]) => [key, resolve(root, target)]);
}

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* sourceFiles(path);
    else if (entry.isFile && SOURCE.test(entry.name)) yield path;
  }
}

/**
 * Reads every .ts/.tsx file under `dirs` and, following their imports, every
 * repository module they reach; an import of a missing file is an error.
 */
export async function readImportGraph(
  options: GraphOptions,
): Promise<ImportGraph> {
  const root = resolve(options.root);
  const prefixes = await localPrefixes(root);
  const toResolve = (from: string, specifier: string): string | undefined => {
    if (specifier.startsWith("./") || specifier.startsWith("../")) {
      return resolve(dirname(from), specifier);
    }
    const prefix = prefixes.find(([key]) => specifier.startsWith(key));
    return prefix && join(prefix[1], specifier.slice(prefix[0].length));
  };
  const graph: ImportGraph = new Map();
  const queue: string[] = [];
  for (const dir of options.dirs) {
    for await (const file of sourceFiles(join(root, dir))) queue.push(file);
  }
  while (queue.length) {
    const file = queue.pop()!;
    const name = relative(root, file);
    if (graph.has(name)) continue;
    const targets: string[] = [];
    graph.set(name, targets);
    for (const specifier of importSpecifiers(await Deno.readTextFile(file))) {
      const target = toResolve(file, specifier);
      if (!target || !SOURCE.test(target)) continue;
      try {
        await Deno.stat(target);
      } catch {
        throw new Error(`${name} imports ${specifier}, which does not exist`);
      }
      targets.push(relative(root, target));
      queue.push(target);
    }
  }
  return graph;
}

/** Modules that all reach each other through imports, and one cycle among them. */
export interface Cycle {
  /** The group, sorted by name. */
  modules: string[];
  /** A shortest cycle through the group's first module: it ends where it starts. */
  path: string[];
}

/** Every group of `graph`'s modules that import each other in a circle. */
export function findCycles(graph: ImportGraph): Cycle[] {
  // Tarjan's algorithm: groups of modules that all reach each other.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    const selfImport = (graph.get(node) ?? []).includes(node);
    if (group.length > 1 || selfImport) groups.push(group);
  };
  for (const node of [...graph.keys()].sort()) {
    if (!index.has(node)) visit(node);
  }
  return groups.map((group) => ({
    modules: group.sort(),
    path: cycleIn(graph, new Set(group)),
  }));
}

/** One shortest cycle through the first (by name) module of `group`. */
function cycleIn(graph: ImportGraph, group: Set<string>): string[] {
  const start = [...group].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) {
          path.splice(1, 0, at);
        }
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
