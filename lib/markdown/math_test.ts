import { assertEquals } from "@/tests/assert.ts";
import { renderMarkdown } from "./testing.ts";

const inline = (tex: string) => `<span class="math math-inline">${tex}</span>`;

Deno.test("$…$ marks inline math and $$…$$ display math", () => {
  assertEquals(
    renderMarkdown("Area $\\pi r^2$ and $$\\sum_i x_i$$."),
    `<p>Area ${
      inline("\\pi r^2")
    } and <span class="math math-display">\\sum_i x_i</span>.</p>\n`,
  );
  assertEquals(
    renderMarkdown("$$\n\\frac{a}{b}\n$$\n"),
    '<div class="math math-display">\\frac{a}{b}</div>\n',
  );
});

Deno.test("math keeps markdown characters as TeX: no emphasis inside", () => {
  assertEquals(
    renderMarkdown("$a_1 * b_2 * c$"),
    `<p>${inline("a_1 * b_2 * c")}</p>\n`,
  );
});

Deno.test("prices, escaped dollars and code stay text", () => {
  assertEquals(
    renderMarkdown("It costs $5 and $10."),
    "<p>It costs $5 and $10.</p>\n",
  );
  assertEquals(renderMarkdown("\\$x$ is not math"), "<p>$x$ is not math</p>\n");
  assertEquals(renderMarkdown("`$x$`"), "<p><code>$x$</code></p>\n");
  assertEquals(renderMarkdown("$ x $"), "<p>$ x $</p>\n");
});

Deno.test("TeX source is escaped", () => {
  assertEquals(renderMarkdown("$a<b>c$"), `<p>${inline("a&lt;b&gt;c")}</p>\n`);
});

Deno.test("an unclosed display block shows as math until a blank line ends it", () => {
  assertEquals(
    renderMarkdown("$$\n\\int_0^1"),
    '<div class="math math-display">\\int_0^1</div>\n',
  );
  assertEquals(renderMarkdown("$$\nx\n\ny"), "<p>$$<br>x</p>\n<p>y</p>\n");
});
