/**
 * Client bundles with npm esbuild: one entry per island plus the runtime,
 * code-split into shared chunks with hashed names. URLs live under a build id
 * so that they can be cached forever; as Fresh 1.x's BUILD_ID, that id is
 * one per process (see `processBuildId`).
 */
import * as esbuild from "esbuild";
import {
  ASSET_PREFIX,
  type BuildAssets,
  type IslandEntry,
} from "./build_assets.ts";
import { dirname, fromFileUrl, join, relative } from "./path.ts";

export type { BuildAssets, IslandEntry } from "./build_assets.ts";

const RUNTIME_ENTRY = "fresh-runtime";
const NAV_ENTRY = "fresh-nav";
const SIGNALS_ENTRY = "fresh-signals";

/** Bundles the runtime and `islands` for the browser. */
export async function bundle(options: {
  root: string;
  islands: IslandEntry[];
  dev: boolean;
}): Promise<BuildAssets> {
  const { root, islands, dev } = options;
  const importMap = await readImportMap(root);
  const entryPoints: Record<string, string> = {
    [RUNTIME_ENTRY]: fromFileUrl(new URL("./client/main.ts", import.meta.url)),
    [NAV_ENTRY]: fromFileUrl(new URL("./client/navigate.ts", import.meta.url)),
    [SIGNALS_ENTRY]: fromFileUrl(
      new URL("./client/signals.ts", import.meta.url),
    ),
  };
  for (const island of islands) {
    entryPoints[`island-${island.id}`] = island.path;
  }

  const result = await esbuild.build({
    entryPoints,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    write: false,
    outdir: join(root, "_fresh", "out"),
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    metafile: true,
    minify: !dev,
    sourcemap: dev ? "inline" : false,
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
    plugins: [importMapPlugin(importMap.dir, importMap.imports)],
  });
  await esbuild.stop();

  const outdir = join(root, "_fresh", "out");
  const contents = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) {
    contents.set(file.path.slice(outdir.length + 1), file.contents);
  }
  const buildId = await processBuildId;
  const urlOf = (name: string) => `${ASSET_PREFIX}${buildId}/${name}`;

  const assets: BuildAssets = {
    buildId,
    mainUrl: "",
    navUrl: "",
    signalsUrl: "",
    islandUrls: new Map(),
    preloads: new Map(),
    files: new Map(),
    inputs: Object.keys(result.metafile.inputs).filter((p) =>
      !p.includes("node_modules/")
    ),
  };
  for (const [name, data] of contents) assets.files.set(urlOf(name), data);

  const outputs = result.metafile.outputs;
  const nameOf = (metaPath: string) => metaPath.split("/").pop()!;
  const closure = (metaPath: string, seen = new Set<string>()) => {
    if (seen.has(metaPath)) return seen;
    seen.add(metaPath);
    for (const imp of outputs[metaPath]?.imports ?? []) {
      if (imp.kind === "import-statement" && !imp.external) {
        closure(imp.path, seen);
      }
    }
    return seen;
  };
  const entryByInput = new Map(
    Object.entries(entryPoints).map((
      [name, path],
    ) => [relative(root, path), name]),
  );
  for (const [metaPath, output] of Object.entries(outputs)) {
    const entryName = output.entryPoint && entryByInput.get(output.entryPoint);
    if (!entryName) continue;
    const url = urlOf(nameOf(metaPath));
    assets.preloads.set(
      url,
      [...closure(metaPath)].map((p) => urlOf(nameOf(p))),
    );
    if (entryName === RUNTIME_ENTRY) assets.mainUrl = url;
    else if (entryName === NAV_ENTRY) assets.navUrl = url;
    else if (entryName === SIGNALS_ENTRY) assets.signalsUrl = url;
    else assets.islandUrls.set(entryName.slice("island-".length), url);
  }
  return assets;
}

/** The import map of the nearest deno.json at or above `root`, with targets made absolute. */
async function readImportMap(
  root: string,
): Promise<{ dir: string; imports: Record<string, string> }> {
  for (let dir = root;; dir = dirname(dir)) {
    try {
      const config = JSON.parse(
        await Deno.readTextFile(join(dir, "deno.json")),
      );
      return { dir, imports: config.imports ?? {} };
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
      if (dirname(dir) === dir) return { dir: root, imports: {} };
    }
  }
}

/**
 * Resolves for esbuild what Deno resolves: the app's import-map specifiers
 * (`$fresh/`, `@/`, packages) and `npm:name@version/path` specifiers, which
 * come from the `node_modules/` Deno keeps (`nodeModulesDir`).
 */
function importMapPlugin(
  root: string,
  imports: Record<string, string>,
): esbuild.Plugin {
  const keys = Object.keys(imports).sort((a, b) => b.length - a.length);
  return {
    name: "import-map",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.fromImportMap) return undefined;
        if (args.importer.includes("/node_modules/")) return undefined;
        const key = keys.find((k) =>
          k.endsWith("/") ? args.path.startsWith(k) : args.path === k
        );
        // An `npm:` specifier written in the code itself, as Deno allows.
        if (!key && !args.path.startsWith("npm:")) return undefined;
        const target = key
          ? imports[key] + args.path.slice(key.length)
          : args.path;
        if (target.startsWith("./") || target.startsWith("../")) {
          return { path: join(root, target) };
        }
        if (target.startsWith("file://")) return { path: fromFileUrl(target) };
        const bare = target.replace(/^npm:\/?/, "")
          .replace(/^(@[^/]+\/[^/@]+|[^/@]+)@[^/]+/, "$1");
        const resolved = await build.resolve(bare, {
          kind: args.kind,
          resolveDir: root,
          pluginData: { fromImportMap: true },
        });
        return resolved.errors.length ? { errors: resolved.errors } : resolved;
      });
    },
  };
}

/**
 * Fresh 1.x's BUILD_ID: a hash of `DENO_DEPLOYMENT_ID`, else of `GITHUB_SHA`
 * (CI), else of a random UUID, once per process. A bundle made in memory at
 * start therefore belongs to its process: a page it served cannot load its
 * code from a restarted or another instance. `deno task build` records the
 * building process's id in its snapshot, which every process serving that
 * build then shares.
 */
const processBuildId = (async () => {
  const source = Deno.env.get("DENO_DEPLOYMENT_ID") ||
    Deno.env.get("GITHUB_SHA") || crypto.randomUUID();
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-1", new TextEncoder().encode(source)),
  );
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0"))
    .join("");
})();
