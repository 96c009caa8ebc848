/**
 * Text for the server's log. Whatever a request carried (a path, a header,
 * an error message quoting them) is escaped, so that it cannot start a
 * forged log line or move the terminal's cursor.
 */

// deno-lint-ignore no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;

/** `value` as one log-safe line: an error as its stack, control characters as `\xNN`/`\uNNNN`. */
export function logText(value: unknown): string {
  const text = value instanceof Error
    ? value.stack ?? `${value.name}: ${value.message}`
    : String(value);
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code > 0xff
      ? `\\u${code.toString(16).padStart(4, "0")}`
      : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}
