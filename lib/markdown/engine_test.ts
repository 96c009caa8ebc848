import { assertEquals } from "@/tests/assert.ts";
import { renderLoaded } from "./engine.ts";

Deno.test("renderLoaded() gives the same HTML from its cache as from a fresh render", () => {
  const text = "# Judul\n\n- satu\n- **dua**\n\n```js\nx = 1\n```\n";
  const fresh = renderLoaded(text);
  assertEquals(renderLoaded(text, true), fresh);
  assertEquals(renderLoaded(text, true), fresh);
});
