/**
 * `main.ts` serving a build made ahead into another directory, as
 * `deno task start` serves the `_fresh/` of `deno task build`:
 * `deno run -A tests/built_main.ts <outDir relative to the app's root>`.
 * Only Fresh's public API, as in main.ts.
 */
import { start } from "$fresh/server.ts";
import manifest from "../fresh.gen.ts";
import config from "../fresh.config.ts";

const outDir = Deno.args[0];
if (!outDir) {
  throw new Error(
    "Usage: deno run -A tests/built_main.ts <outDir relative to the app's root>",
  );
}
await start(manifest, { ...config, build: { ...config.build, outDir } });
