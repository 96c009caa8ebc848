import { assert, assertRejects } from "@/tests/assert.ts";
import { fromFileUrl } from "./path.ts";
import { loadAssets, MissingBuildError } from "./assets.ts";

const root = fromFileUrl(new URL("../testdata/", import.meta.url));
const islands = [{
  id: "Counter",
  path: fromFileUrl(
    new URL("../testdata/islands/Counter.tsx", import.meta.url),
  ),
}];

Deno.test("loadAssets() on Deno Deploy without a current build refuses to bundle, in one clear error", async () => {
  Deno.env.set("DENO_DEPLOYMENT_ID", "test-deployment");
  try {
    const error = await assertRejects(
      () => loadAssets(root, islands, { build: { outDir: "no-such-build" } }),
      MissingBuildError,
    );
    assert(error.message.includes("deno task build"));
    assert(!error.message.includes("\n"), "one line");
  } finally {
    Deno.env.delete("DENO_DEPLOYMENT_ID");
  }
});
