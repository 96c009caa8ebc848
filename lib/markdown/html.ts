/** HTML escaping for the markdown renderer: every character that could start markup. */

const FULL = /[&<>"']/g;
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
  return value.replace(FULL, replace);
}

/** Escapes text like `escapeHtml`, but keeps character references such as `&amp;` or `&#169;`. */
export function escapeText(value: string): string {
  return value.replace(TEXT, replace);
}
