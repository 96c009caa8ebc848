/**
 * `deno task build` into another directory, through Fresh's public
 * `$fresh/dev.ts` only: `deno run -A tests/build_bundle.ts build <outDir>`,
 * `outDir` relative to the app's root. tests/shared_build.ts runs it once per
 * test run.
 */
import dev from "$fresh/dev.ts";

const outDir = Deno.args[1];
if (Deno.args[0] !== "build" || !outDir) {
  throw new Error(
    "Usage: deno run -A tests/build_bundle.ts build <outDir relative to the app's root>",
  );
}
await dev(new URL("../dev.ts", import.meta.url).href, "./main.ts", {
  build: { outDir },
});
