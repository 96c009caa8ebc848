/** HTML escaping for the markdown renderer: every character that could start markup. */

const FULL_TEST = /[&<>"']/;
// An `&` that starts a character reference stays: the browser turns the
// reference into one character, never into markup.
const TEXT = /&(?!#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{1,31};)|[<>"']/gi;
const REPLACEMENTS: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const replace = (c: string) => REPLACEMENTS[c];

/** Escapes `value` for element content or a quoted attribute: `&` included. */
export function escapeHtml(value: string): string {
  if (!FULL_TEST.test(value)) return value;
  // Five native passes beat one pass with a callback per character: that
  // matters for the long plain texts of `chunks.ts`.
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** Escapes text like `escapeHtml`, but keeps character references such as `&amp;` or `&#169;`. */
export function escapeText(value: string): string {
  return value.replace(TEXT, replace);
}
