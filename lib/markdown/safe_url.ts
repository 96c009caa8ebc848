/**
 * Which link targets the markdown renderer may emit: http(s), mailto and
 * relative URLs. Everything else (javascript:, data:, vbscript:, file:, …)
 * is dropped, including forms hidden behind character references or the
 * tabs, newlines and control characters that browsers strip from a URL.
 */

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
// A relative URL resolves against the page, which is http(s) too.
const BASE = "https://relative.invalid/";

const NAMED: Record<string, string> = {
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  period: ".",
  lpar: "(",
  rpar: ")",
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: "\u00a0",
};

/** Decodes numeric references (with or without `;`) and the named ones used in URL tricks. */
function decodeReferences(value: string): string {
  return value
    .replace(/&#x([\da-f]+);?/gi, (_, hex) => fromCode(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => fromCode(parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (all, name) => NAMED[name.toLowerCase()] ?? all);
}

function fromCode(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}

function allowed(candidate: string): boolean {
  try {
    // The WHATWG parser strips tabs, newlines and leading controls exactly as
    // the browser will when the link is followed.
    return ALLOWED_PROTOCOLS.has(new URL(candidate, BASE).protocol);
  } catch {
    return false;
  }
}

/**
 * The URL to put in an `href` (still to be attribute-escaped), or null when
 * the target is not safe. Both the URL as written and its entity-decoded form
 * must resolve to an allowed protocol.
 */
export function safeUrl(href: string): string | null {
  let url: string;
  try {
    url = encodeURI(href).replace(/%25/g, "%");
  } catch {
    return null; // lone surrogates
  }
  if (!allowed(href) || !allowed(url)) return null;
  const decoded = decodeReferences(href);
  if (decoded !== href && !allowed(decoded)) return null;
  return url;
}
