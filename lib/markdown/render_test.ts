import fc from "fast-check";
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { auditHtml } from "./html_audit.ts";
import { BLOCK_BUDGET, inlineCost } from "./inline_budget.ts";
import { renderMarkdown } from "./testing.ts";
import { xssCorpus } from "./xss_corpus.ts";

const HIT = "https://xss.invalid/hit";

function assertInert(source: string): string {
  const html = renderMarkdown(source);
  const problems = auditHtml(html);
  assertEquals(problems, [], `${JSON.stringify(source)} → ${html}`);
  return html;
}

Deno.test("headings, lists, tables, code, quotes and emphasis render as their elements", () => {
  const html = renderMarkdown(
    "# Title\n\n## Part\n\n- one\n- two\n\n1. first\n2. second\n\n" +
      "| a | b |\n|---|--:|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\n" +
      "> quoted\n\n*em* **strong** ~~gone~~ `code`\n\n---\n",
  );
  for (
    const part of [
      "<h1>Title</h1>",
      "<h2>Part</h2>",
      "<ul>\n<li>one</li>",
      "<ol>\n<li>first</li>",
      '<div class="table-wrap"><table>',
      '<th align="right">b</th>',
      '<div class="code-block"><pre><code class="language-ts">const x = 1;\n</code></pre></div>',
      "<blockquote>\n<p>quoted</p>\n</blockquote>",
      "<em>em</em> <strong>strong</strong> <del>gone</del> <code>code</code>",
      "<hr>",
    ]
  ) assertStringIncludes(html, part);
  assertEquals(auditHtml(html), []);
});

Deno.test("single line breaks stay line breaks, as in a chat", () => {
  assertEquals(renderMarkdown("one\ntwo"), "<p>one<br>two</p>\n");
});

Deno.test("raw HTML in the source shows as text", () => {
  assertEquals(
    renderMarkdown("<b>bold?</b> and <i>x</i>"),
    "<p>&lt;b&gt;bold?&lt;/b&gt; and &lt;i&gt;x&lt;/i&gt;</p>\n",
  );
  assertEquals(
    renderMarkdown("<div>\nblock\n</div>"),
    '<p class="md-raw">&lt;div&gt;\nblock\n&lt;/div&gt;</p>\n',
  );
});

Deno.test("links open in a new tab without opener or referrer", () => {
  assertEquals(
    renderMarkdown('[docs](https://example.com/a?b=1&c=2 "Docs")'),
    '<p><a href="https://example.com/a?b=1&amp;c=2" title="Docs" target="_blank" rel="noopener noreferrer">docs</a></p>\n',
  );
  for (
    const source of ["<https://a.example>", "www.b.example", "x@c.example"]
  ) {
    assertStringIncludes(
      renderMarkdown(source),
      'target="_blank" rel="noopener noreferrer"',
    );
  }
  assertStringIncludes(renderMarkdown("[rel](/chats/1)"), 'href="/chats/1"');
});

Deno.test("images become links to the image: nothing loads on render", () => {
  const html = renderMarkdown('![a cat](https://img.example/cat.png "Cat")');
  assertEquals(
    html,
    '<p><a class="md-image" href="https://img.example/cat.png" title="Cat" target="_blank" rel="noopener noreferrer"><span class="md-image-mark" aria-hidden="true">🖼</span>a cat</a></p>\n',
  );
  assert(!html.includes("<img"));
});

Deno.test("a link to a forbidden scheme keeps only its text", () => {
  assertEquals(renderMarkdown("[x](javascript:alert(1))"), "<p>x</p>\n");
  assertEquals(
    renderMarkdown("![y](data:image/png;base64,AA==)"),
    "<p>y</p>\n",
  );
});

Deno.test("task list items get a mark, not a form control", () => {
  const html = renderMarkdown("- [x] done\n- [ ] open");
  assertStringIncludes(html, '<span class="md-task">☑</span> done');
  assertStringIncludes(html, '<span class="md-task">☐</span> open');
});

Deno.test("a fence names the language by class; a strange info string is dropped", () => {
  assertStringIncludes(
    renderMarkdown("```Python extra\nx\n```"),
    '<code class="language-python">',
  );
  assertStringIncludes(
    renderMarkdown('```"><script>\nx\n```'),
    "<pre><code>x\n</code></pre>",
  );
});

Deno.test("reference definitions stay text, so no later line changes a link", () => {
  assertEquals(
    renderMarkdown("[a]\n\n[a]: https://example.com"),
    '<p>[a]</p>\n<p>[a]: <a href="https://example.com" target="_blank" rel="noopener noreferrer">https://example.com</a></p>\n',
  );
});

Deno.test("text that makes marked throw still shows, as escaped text", () => {
  const html = renderMarkdown("* star\n[x]\n  > 2. two\n`<b>");
  assertEquals(
    html,
    '<p class="md-raw">* star\n[x]\n  &gt; 2. two\n`&lt;b&gt;</p>\n',
  );
});

Deno.test("every payload of the XSS corpus renders without an active element, handler or unsafe link", () => {
  const corpus = xssCorpus(HIT);
  // The audit reads tags as a browser would: only allowed tags and
  // attributes (so no on… handler), and only http(s)/mailto/relative links.
  for (const payload of corpus) assertInert(payload);
  assertInert(corpus.join("\n\n"));
  assertInert(corpus.join("\n"));
});

Deno.test("random mixes of dangerous fragments never render unsafe markup", () => {
  const fragment = fc.constantFrom(
    "<",
    ">",
    "/",
    '"',
    "'",
    "`",
    "=",
    " ",
    "\n",
    "\n\n",
    "\t",
    "[",
    "]",
    "(",
    ")",
    "!",
    "&",
    "#",
    ";",
    "x",
    "$",
    "|",
    "-",
    "*",
    "_",
    "~",
    ":",
    "\\",
    "script",
    "img",
    "svg",
    "iframe",
    "a href",
    "src",
    "onerror",
    "onload",
    "javascript",
    "java\tscript",
    "&#x09;",
    "&#106;",
    "&colon;",
    "data",
    "alert(1)",
    "```",
    "    ",
    "> ",
    "1. ",
    "- ",
    "<!--",
    "-->",
    "<pre>",
    "http://x",
    "mailto:y",
    "www.z",
  );
  fc.assert(
    fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
      const html = renderMarkdown(parts.join(""));
      const problems = auditHtml(html);
      if (problems.length) throw new Error(`${parts.join("")} → ${problems}`);
    }),
    { numRuns: 3000 },
  );
});

Deno.test("the audit used above flags unsafe markup", () => {
  for (
    const html of [
      "<img src=x>",
      '<p onclick="alert(1)">x</p>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      "<svg/onload=alert(1)>",
      "<p>a <b</p>",
    ]
  ) assert(auditHtml(html).length > 0, html);
});

Deno.test("a block with too many emphasis delimiters for its length keeps its text plain", () => {
  const text = "a*".repeat(50_000);
  const html = renderMarkdown(`Awal **tebal**.\n\n${text}\n\nAkhir _miring_.`);
  assertStringIncludes(html, "<strong>tebal</strong>");
  assertStringIncludes(html, `<p>${text}</p>`);
  assertStringIncludes(html, "<em>miring</em>");
});

Deno.test("inlineCost() counts emphasis delimiters times length", () => {
  assertEquals(inlineCost("a*b_c~"), 18);
  assertEquals(inlineCost("plain text"), 0);
  assert(inlineCost("snake_case ".repeat(40)) < BLOCK_BUDGET);
});

Deno.test("a line that opens sixteen quotes or lists at once shows as plain text", () => {
  assertStringIncludes(
    renderMarkdown("> ".repeat(16) + "deep"),
    '<p class="md-raw">&gt; &gt;',
  );
  assertStringIncludes(renderMarkdown("1. ".repeat(20)), 'class="md-raw"');
  assertStringIncludes(renderMarkdown("> > > three"), "<blockquote>");
});
