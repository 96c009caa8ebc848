import { assertEquals } from "@/tests/assert.ts";
import { generateManifest } from "./manifest.ts";
import { fromFileUrl } from "./path.ts";

Deno.test("the committed fresh.gen.ts lists every route and island (run `deno task build` if not)", async () => {
  const root = fromFileUrl(new URL("../../../", import.meta.url));
  assertEquals(
    await Deno.readTextFile(`${root}/fresh.gen.ts`),
    await generateManifest(root),
  );
});
