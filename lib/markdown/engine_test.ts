import { assert, assertEquals } from "@/tests/assert.ts";
import { renderLoaded } from "./engine.ts";
import { prepareMarkdown } from "./prepare.ts";

Deno.test("prepareMarkdown() gives the same HTML from its cache as a fresh render", async () => {
  const text = "# Judul\n\n- satu\n- **dua**\n\n```js\nx = 1\n```\n";
  const fresh = renderLoaded(text);
  for (let i = 0; i < 2; i++) {
    const prepared = await prepareMarkdown({ owner: "o1", final: [text] });
    assertEquals(prepared.get(text), fresh);
  }
});

Deno.test("prepareMarkdown() renders growing texts and final texts alike", async () => {
  const prepared = await prepareMarkdown({
    owner: "o1",
    final: ["**a**"],
    growing: ["_b_"],
  });
  assertEquals(prepared.get("**a**"), renderLoaded("**a**"));
  assertEquals(prepared.get("_b_"), renderLoaded("_b_"));
  assert(!prepared.has("c"));
});
