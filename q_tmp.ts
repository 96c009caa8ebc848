import { markdownEngine } from "./lib/markdown/render.ts";
import { renderChunks } from "./lib/markdown/chunks.ts";
const N = 1_000_000;
const pats = [
  "a*",
  "*a",
  "a_",
  "_a",
  "**a",
  "a**",
  "[a",
  "`a",
  "a~",
  "~~a",
  "*a*",
  "<a",
  "![a",
  "a\\",
  "\\*",
  "$a",
  "[a](",
  "a\n",
  "a\n\n",
  "> ",
  "- ",
  "1. ",
  "| a ",
  "a*\n",
  "a_ b_\n",
  "**a**\n\n",
  "$$\n",
  "```\n",
  "&amp;",
  "http://a.b/ ",
  "www.a ",
  "a@b.c ",
  "*a_a\n",
  "_a*",
  "[[",
  "]]",
  "((",
  "![",
  "`",
  "~",
  "#",
  "> a\n",
  "- a\n",
  "  - a\n",
  "1. a\n   ",
  "a *b* c _d_ e\n\n",
  "x\n\n> [!",
  "<div>\n",
  "| a | b |\n|---|---|\n",
];
for (const pat of pats) renderChunks(markdownEngine(), pat.repeat(20000));
let worst = 0;
for (const pat of pats) {
  const s = pat.repeat(Math.ceil(N / pat.length));
  const t0 = performance.now();
  renderChunks(markdownEngine(), s);
  const dt = performance.now() - t0;
  worst = Math.max(worst, dt);
  if (dt > 60) console.log(JSON.stringify(pat).padEnd(16), dt.toFixed(0), "ms");
}
console.log("worst", worst.toFixed(0));
