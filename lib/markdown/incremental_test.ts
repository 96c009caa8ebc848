import fc from "fast-check";
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { IncrementalMarkdown, TAIL_LIST_ITEMS } from "./incremental.ts";
import { PIECE_MAX_LINES } from "./pieces.ts";
import { markdownEngine } from "./render.ts";
import { renderMarkdown } from "./testing.ts";

const engine = markdownEngine();

/** A chat answer with every block kind, written the way models write. */
const ANSWER = `# Cara membuat server

Berikut langkah-langkahnya, dengan **contoh** dan \`kode\`:

1. Pasang Deno
2. Tulis server:
   \`\`\`ts
   Deno.serve((req) => new Response("halo"));
   \`\`\`
3. Jalankan

- satu
- dua
  lanjutan

| Bahasa | Tahun |
|:-------|------:|
| Go     | 2009  |
| Rust   | 2015  |

> Catatan: *jangan* lupa izin jaringan.
lanjut kutipan

Rumus $E = mc^2$ dan

$$
\\int_0^1 x\\,dx = \\frac{1}{2}
$$

Setext heading
--------------

\`\`\`python
def halo():
    print("hai")

print(halo())
\`\`\`
Teks setelah kode, [tautan](https://deno.com) dan <b>html</b>.

---
- [x] selesai
- [ ] belum
`;

/**
 * Streams `text` in `chunks`, checking after each that the finished blocks
 * plus the tail are exactly the full render of the text so far.
 */
function streamAndCompare(text: string, cuts: number[]): void {
  const incremental = new IncrementalMarkdown(engine);
  let finished = "";
  for (const cut of [...cuts, text.length]) {
    const prefix = text.slice(0, cut);
    const update = incremental.update(prefix);
    finished += update.finished;
    const full = renderMarkdown(prefix);
    if (finished + update.tail !== full) {
      throw new Error(
        `prefix ${JSON.stringify(prefix)}\nincremental: ${
          JSON.stringify(finished + update.tail)
        }\nfull: ${JSON.stringify(full)}`,
      );
    }
  }
  assertEquals(finished + incremental.finish(text), renderMarkdown(text));
}

Deno.test("at every cut of a sample answer, finished blocks plus the tail equal a full render", () => {
  for (const text of [ANSWER, ANSWER.replaceAll("\n", "\r\n")]) {
    streamAndCompare(text, Array.from({ length: text.length }, (_, i) => i));
  }
});

Deno.test("random block mixes streamed in random chunks render as a full render does", () => {
  const fragment = fc.constantFrom(
    "# Heading\n",
    "Para line\n",
    "more text ",
    "\n",
    "\n\n",
    "- item\n",
    "  continued\n",
    "1. one\n",
    "2. two\n",
    "2\n",
    "10) ten\n",
    "* star\n",
    "   - nested\n",
    "| a | b |\n",
    "|---|---|\n",
    "| 1 | 2 |\n",
    "a|b\n",
    "```js\n",
    "```\n",
    "~~~\n",
    "````\n",
    "const a = 1;\n",
    "    code\n",
    "\t\ttab\n",
    "> quote\n",
    ">> deeper\n",
    "> ",
    "$$\n",
    "$$",
    "a+b\n",
    "$x$ ",
    "$5 ",
    "---\n",
    "===\n",
    "-\n",
    "=\n",
    "<div>\n",
    "</div>\n",
    "<!-- c -->\n",
    "<pre>\n",
    "[x]: http://a\n",
    "[x]\n",
    "**bold ",
    "*em\n",
    "`code ",
    "\r\n",
    "  ",
    "<https://a.b> ",
    "![i](http://y) ",
    "- [ ] task\n",
  );
  fc.assert(
    fc.property(
      fc.array(fragment, { minLength: 1, maxLength: 16 }),
      fc.array(fc.integer({ min: 1, max: 12 }), {
        minLength: 1,
        maxLength: 60,
      }),
      (parts, steps) => {
        const text = parts.join("");
        // marked throws on a few odd texts; the fallback is not incremental.
        if (engine.lex(text)[0]?.type === "mdFallback") return;
        const cuts: number[] = [];
        for (let at = 0, i = 0; at < text.length; i++) {
          at += steps[i % steps.length];
          cuts.push(Math.min(at, text.length));
        }
        streamAndCompare(text, cuts);
      },
    ),
    { numRuns: 4000 },
  );
});

Deno.test("an unclosed code fence renders as code while it streams", () => {
  const { tail } = new IncrementalMarkdown(engine).update(
    "Kode:\n\n```js\nconst a = 1 <",
  );
  assertStringIncludes(
    tail,
    '<pre><code class="language-js">const a = 1 &lt;\n</code></pre>',
  );
});

Deno.test("a table renders as a table as soon as its delimiter row arrives", () => {
  const incremental = new IncrementalMarkdown(engine);
  assertEquals(incremental.update("| a | b |\n").tail, "<p>| a | b |</p>\n");
  const { tail } = incremental.update("| a | b |\n|---|---|\n| 1 |");
  assertStringIncludes(tail, "<th>a</th>");
  assertStringIncludes(tail, "<td>1</td>\n<td></td>");
});

Deno.test("finished blocks are not parsed again: the re-parsed text stays one block long", () => {
  const paragraph = "Kalimat yang cukup panjang untuk satu paragraf jawaban. ";
  const block = paragraph.repeat(4) + "\n\n";
  const text = block.repeat(200);
  const incremental = new IncrementalMarkdown(engine);
  let longest = 0;
  for (let at = 5; at <= text.length; at += 5) {
    incremental.update(text.slice(0, at));
    longest = Math.max(longest, at - incremental.offset);
  }
  assert(longest <= 2 * block.length, `re-parsed up to ${longest} chars`);
});

Deno.test("after a list the next block's first line must be complete before the list is final", () => {
  const incremental = new IncrementalMarkdown(engine);
  const first = incremental.update("1. a\n\n2");
  assertEquals(first.finished, "");
  const second = incremental.update("1. a\n\n2. b\n");
  assertEquals(second.finished + second.tail, renderMarkdown("1. a\n\n2. b\n"));
});

Deno.test("a streaming list of thousands of short items is re-parsed at most PIECE_MAX_LINES lines at a time", () => {
  const text = "- a\n".repeat(4096);
  const incremental = new IncrementalMarkdown(engine);
  let longest = 0;
  for (let at = 400; at <= text.length; at += 400) {
    incremental.update(text.slice(0, at));
    const rest = text.slice(incremental.offset, at);
    longest = Math.max(longest, rest.split("\n").length - 1);
  }
  assert(longest <= PIECE_MAX_LINES, `re-parsed up to ${longest} lines`);
});

Deno.test("a streaming bulleted list of thousands of items keeps at most TAIL_LIST_ITEMS of them in the tail", () => {
  const text = "- a\n".repeat(4096);
  const incremental = new IncrementalMarkdown(engine);
  let finished = "";
  let most = 0;
  for (let at = 40; at <= text.length; at += 40) {
    const update = incremental.update(text.slice(0, at));
    finished += update.finished;
    most = Math.max(most, update.tail.split("<li>").length - 1);
  }
  finished += incremental.finish(text);
  assert(most <= TAIL_LIST_ITEMS, `the tail held ${most} items`);
  assertEquals(finished.split("<li>").length - 1, 4096);
});

Deno.test("a long numbered list streams as one list, so its numbers stay right", () => {
  const text = "1. a\n".repeat(3 * TAIL_LIST_ITEMS);
  const incremental = new IncrementalMarkdown(engine);
  let finished = "";
  for (let at = 50; at <= text.length; at += 50) {
    finished += incremental.update(text.slice(0, at)).finished;
  }
  finished += incremental.finish(text);
  assertEquals(finished, renderMarkdown(text));
  assertEquals(finished.split("<ol").length - 1, 1);
});

Deno.test("an unfinished block of many emphasis delimiters streams plain, then renders as the server does", () => {
  const hostile = "a*".repeat(800);
  const incremental = new IncrementalMarkdown(engine);
  const update = incremental.update(hostile);
  assertEquals(update.tail.includes("<em>"), false);
  const final = update.finished + incremental.finish(hostile);
  assertEquals(final, renderMarkdown(hostile));
  assertStringIncludes(final, "<em>");
  const prose = "Ini **penting** dan *miring*. ".repeat(20);
  assertStringIncludes(
    new IncrementalMarkdown(engine).update(prose).tail,
    "<strong>penting</strong>",
  );
});
