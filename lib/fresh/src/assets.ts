/**
 * Where the islands bundle comes from: `_fresh/` when `deno task build` wrote
 * one that still matches the sources, else an in-memory build at start. On
 * Deno Deploy (`DENO_DEPLOYMENT_ID` set) there is no bundling at start: the
 * bundler runs esbuild in a subprocess, which Deploy does not allow, so a
 * missing or stale build stops the start with one clear error. The bundler
 * is imported only when it runs.
 */
import type { BuildAssets, IslandEntry } from "./build_assets.ts";
import { dirname, join } from "./path.ts";
import type { FreshConfig } from "./types.ts";

interface Snapshot {
  buildId: string;
  mainUrl: string;
  navUrl: string;
  signalsUrl: string;
  islandUrls: Record<string, string>;
  preloads: Record<string, string[]>;
  files: string[];
  /** Source path → content hash, to notice a build older than the code. */
  inputs: Record<string, string>;
}

const SNAPSHOT = "snapshot.json";

/** Deno Deploy has no current build to serve. */
export class MissingBuildError extends Error {
  constructor() {
    super(
      "The islands build in _fresh/ is missing or older than the code; run `deno task build` as the deployment's build step.",
    );
  }
}
const inMemory = new Map<string, Promise<BuildAssets>>();

/** The bundle to serve: the ahead-of-time build if current, else built now (once per process). */
export async function loadAssets(
  root: string,
  islands: IslandEntry[],
  config: FreshConfig,
): Promise<BuildAssets> {
  const outDir = join(root, config.build?.outDir ?? "_fresh");
  if (!config.dev) {
    const snapshot = await readSnapshot(root, outDir, islands);
    if (snapshot) return snapshot;
    if (Deno.env.get("DENO_DEPLOYMENT_ID")) throw new MissingBuildError();
  }
  const key = `${root}|${config.dev ? "dev" : "prod"}|${
    islands.map((i) => i.id).sort().join(",")
  }`;
  let pending = inMemory.get(key);
  if (!pending) {
    pending = import("./bundle.ts").then(({ bundle }) =>
      bundle({ root, islands, dev: !!config.dev })
    );
    inMemory.set(key, pending);
  }
  return await pending;
}

/** Builds the production bundle into `outDir` for `deno task start` and Deno Deploy. */
export async function writeSnapshot(
  root: string,
  islands: IslandEntry[],
  config: FreshConfig,
): Promise<BuildAssets> {
  const outDir = join(root, config.build?.outDir ?? "_fresh");
  const { bundle } = await import("./bundle.ts");
  const assets = await bundle({ root, islands, dev: false });
  await Deno.remove(outDir, { recursive: true }).catch(() => {});
  for (const [urlPath, data] of assets.files) {
    const file = join(outDir, "static", urlPath);
    await Deno.mkdir(dirname(file), { recursive: true });
    await Deno.writeFile(file, data);
  }
  const snapshot: Snapshot = {
    buildId: assets.buildId,
    mainUrl: assets.mainUrl,
    navUrl: assets.navUrl,
    signalsUrl: assets.signalsUrl,
    islandUrls: Object.fromEntries(assets.islandUrls),
    preloads: Object.fromEntries(assets.preloads),
    files: [...assets.files.keys()],
    inputs: await hashInputs(root, [...assets.inputs, "deno.json"]),
  };
  await Deno.writeTextFile(
    join(outDir, SNAPSHOT),
    JSON.stringify(snapshot, null, 2),
  );
  return assets;
}

async function readSnapshot(
  root: string,
  outDir: string,
  islands: IslandEntry[],
): Promise<BuildAssets | null> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await Deno.readTextFile(join(outDir, SNAPSHOT)));
  } catch {
    return null;
  }
  const current = await hashInputs(root, Object.keys(snapshot.inputs)).catch(
    () => null,
  );
  const stale = !current ||
    Object.entries(snapshot.inputs).some(([p, hash]) => current[p] !== hash) ||
    islands.some((i) => !snapshot.islandUrls[i.id]) || !snapshot.navUrl ||
    !snapshot.signalsUrl;
  if (stale) {
    if (!Deno.env.get("DENO_DEPLOYMENT_ID")) {
      console.warn(
        "The build in _fresh/ is older than the code; bundling in memory instead. Run `deno task build` to refresh it.",
      );
    }
    return null;
  }
  const files = new Map<string, Uint8Array>();
  try {
    for (const urlPath of snapshot.files) {
      files.set(urlPath, await Deno.readFile(join(outDir, "static", urlPath)));
    }
  } catch {
    // A build being written over meanwhile: the next start reads it whole.
    return null;
  }
  return {
    buildId: snapshot.buildId,
    mainUrl: snapshot.mainUrl,
    navUrl: snapshot.navUrl,
    signalsUrl: snapshot.signalsUrl,
    islandUrls: new Map(Object.entries(snapshot.islandUrls)),
    preloads: new Map(Object.entries(snapshot.preloads)),
    files,
    inputs: Object.keys(snapshot.inputs),
  };
}

async function hashInputs(
  root: string,
  inputs: string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const input of inputs) {
    const data = await Deno.readFile(join(root, input));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    out[input] = [...digest.slice(0, 8)].map((b) =>
      b.toString(16).padStart(2, "0")
    ).join("");
  }
  return out;
}
