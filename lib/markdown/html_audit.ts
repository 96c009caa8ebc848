/**
 * For tests: checks that HTML from the renderer holds only inert markup. It
 * reads the output as the browser would: every `<` must open or close an
 * allowed tag, every attribute must be allowed, every `href` must be
 * http(s), mailto or relative. Returns what is wrong (empty when safe).
 */

const TAGS = new Set([
  "p",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "code",
  "div",
  "span",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "a",
  "em",
  "strong",
  "del",
]);
const ATTRIBUTES = new Set([
  "class",
  "href",
  "title",
  "target",
  "rel",
  "start",
  "align",
  "aria-hidden",
]);
const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/y;
const ATTRIBUTE = /([a-zA-Z-]+)(?:="([^"]*)")?/g;

function decode(value: string): string {
  return value
    .replace(
      /&#x([\da-f]+);?/gi,
      (_, h) => String.fromCodePoint(parseInt(h, 16)),
    )
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function safeHref(value: string): boolean {
  try {
    const url = new URL(decode(value), "https://page.invalid/");
    return ["http:", "https:", "mailto:"].includes(url.protocol);
  } catch {
    return false;
  }
}

/** The problems of `html`: stray markup, unknown tags or attributes, unsafe links. */
export function auditHtml(html: string): string[] {
  const problems: string[] = [];
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    TAG.lastIndex = i;
    const match = TAG.exec(html);
    if (!match) {
      problems.push(`markup that is not a plain tag: ${html.slice(i, i + 40)}`);
      continue;
    }
    const [, , name, attributes] = match;
    if (!TAGS.has(name.toLowerCase())) problems.push(`tag <${name}>`);
    for (const [, attr, value = ""] of attributes.matchAll(ATTRIBUTE)) {
      if (!ATTRIBUTES.has(attr.toLowerCase())) {
        problems.push(`attribute ${attr} on <${name}>`);
      }
      if (attr === "href" && !safeHref(value)) problems.push(`href ${value}`);
    }
  }
  return problems;
}
