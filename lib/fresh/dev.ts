/**
 * `$fresh/dev.ts`: regenerates `fresh.gen.ts`, then either builds for
 * production (`dev.ts build`) or starts the app in development mode.
 */
import { writeSnapshot } from "./src/assets.ts";
import { islandId } from "./src/handler.ts";
import { writeManifest } from "./src/manifest.ts";
import { dirname, fromFileUrl, join } from "./src/path.ts";
import type { FreshConfig, Manifest } from "./src/types.ts";

/** Entry of the app's `dev.ts`: `await dev(import.meta.url, "./main.ts", config)`. */
export default async function dev(
  base: string,
  entry: string,
  config: FreshConfig = {},
): Promise<void> {
  const root = dirname(fromFileUrl(base));
  if (await writeManifest(root)) console.log("Updated fresh.gen.ts");
  if (Deno.args.includes("build")) {
    const { default: manifest } = await import(
      new URL("./fresh.gen.ts", base).href
    ) as { default: Manifest };
    const islands = Object.keys(manifest.islands).map((file) => ({
      id: islandId(file),
      path: join(root, file),
    }));
    const assets = await writeSnapshot(root, islands, config);
    const outDir = config.build?.outDir ?? "_fresh";
    console.log(
      `Built ${assets.files.size} files into ${outDir}/ (build ${assets.buildId})`,
    );
    return;
  }
  (globalThis as { __FRSH_DEV?: boolean }).__FRSH_DEV = true;
  await import(new URL(entry, base).href);
}
