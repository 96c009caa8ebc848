import { assert, assertEquals } from "@/tests/assert.ts";
import { IncrementalMarkdown } from "./incremental.ts";
import { markdownEngine } from "./render.ts";
import { tailAppend } from "./tail_append.ts";

Deno.test("tailAppend() gives the text a growing paragraph added", () => {
  assertEquals(tailAppend("<p>Halo</p>\n", "<p>Halo dunia</p>\n"), {
    text: " dunia",
    closing: ["</p>", "\n"],
  });
});

Deno.test("tailAppend() keeps a code block's line end with its text", () => {
  assertEquals(
    tailAppend(
      "<pre><code>a = 1\n</code></pre>\n",
      "<pre><code>a = 1\nb = 2\n</code></pre>\n",
    ),
    { text: "b = 2\n", closing: ["</code>", "</pre>", "\n"] },
  );
});

Deno.test("tailAppend() follows an item inside its list", () => {
  assertEquals(
    tailAppend("<ul>\n<li>sat</li>\n</ul>\n", "<ul>\n<li>satu</li>\n</ul>\n")
      ?.closing,
    ["</li>", "\n", "</ul>", "\n"],
  );
});

Deno.test("tailAppend() refuses new markup, references and shrinking text", () => {
  const before = "<p>a *b</p>\n";
  assertEquals(tailAppend(before, "<p>a <em>b</em></p>\n"), undefined);
  assertEquals(tailAppend(before, "<p>a *b &amp; c</p>\n"), undefined);
  assertEquals(tailAppend(before, "<p>a *b</p>\n<p>c</p>\n"), undefined);
  assertEquals(tailAppend(before, "<p>a *</p>\n"), undefined);
  assertEquals(tailAppend("", "<p>a</p>\n"), undefined);
});

Deno.test("a streamed answer's tail grows by appended text in most updates, each exactly the new HTML", () => {
  const engine = markdownEngine();
  const text = [
    "Rendang dimasak lama dengan santan dan bumbu, sampai kering.",
    "- cabai merah yang digiling halus",
    "- bawang merah dan bawang putih",
    "```python\ndef aduk(menit):\n    return menit * 2\n```",
    "Selamat mencoba, dan jangan lupa diaduk terus.",
  ].join("\n\n");
  const incremental = new IncrementalMarkdown(engine);
  let tail = "";
  let appends = 0;
  let updates = 0;
  for (let at = 1; at <= text.length; at++) {
    const update = incremental.update(text.slice(0, at));
    if (update.tail === tail) continue;
    updates++;
    const append = tailAppend(tail, update.tail);
    if (append) {
      appends++;
      const open = tail.length - append.closing.join("").length;
      assertEquals(
        tail.slice(0, open) + append.text + append.closing.join(""),
        update.tail,
      );
    }
    tail = update.tail;
  }
  assert(appends > updates / 2, `${appends} appends of ${updates} updates`);
});
