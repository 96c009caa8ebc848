/**
 * Message bodies of the line-based formats (TXT, Markdown).
 *
 * Body: line breaks become `\n`, control characters other than tab go (a NUL
 * would make the file look binary), leading blank lines and trailing white
 * space are dropped (`normalizeBody`). A file cannot tell those apart from the blank
 * lines around its separators, so the exporter drops them and the importer
 * applies the same rule: export → import → export is stable. An empty message
 * stays empty (a header with no text).
 *
 * Escaping ("mboxrd" style): a body line that, once its leading backslashes
 * are removed, would read as one of the format's structural lines gets ONE
 * more backslash in front. Import removes exactly one backslash from such
 * lines and leaves every other line alone. So `---` is written `\---`,
 * `\---` is written `\\---`, and a line such as `\n` or `C:\` is never
 * touched. In Markdown `\-` and `\*` are escapes anyway, so the files render
 * as the original text.
 */

/** Control characters of C0 (but tab and line feed) and DEL. */
export const CONTROL_CHARS =
  // deno-lint-ignore no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Line breaks as `\n`, no control characters, no leading blank lines, no trailing white space. */
export function normalizeBody(content: string): string {
  const lines = content.replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "")
    .split("\n");
  let start = 0;
  while (start < lines.length && lines[start].trim() === "") start++;
  return lines.slice(start).join("\n").trimEnd();
}

/** Tells whether a line reads as a structural line of a format. */
export type IsStructural = (line: string) => boolean;

function needsMarker(line: string, isStructural: IsStructural): boolean {
  return isStructural(line.replace(/^\\+/, ""));
}

/** The lines of a normalized body, each escaped; `[]` for an empty body. */
export function escapeBody(body: string, isStructural: IsStructural): string[] {
  if (body === "") return [];
  return body.split("\n").map((line) =>
    needsMarker(line, isStructural) ? `\\${line}` : line
  );
}

/** The body that `lines` (as read from a file) stand for: unescaped, then normalized. */
export function unescapeBody(
  lines: string[],
  isStructural: IsStructural,
): string {
  return normalizeBody(
    lines.map((line) =>
      line.startsWith("\\") && needsMarker(line, isStructural)
        ? line.slice(1)
        : line
    ).join("\n"),
  );
}
