/**
 * The Markdown format:
 *
 * ```
 * # Resep rendang
 *
 * *2024-05-01 10:20:30* - **User**:
 *
 * Bagaimana cara membuat rendang?
 *
 * ---
 *
 * *2024-05-01 10:20:35* - **Assistant**:
 *
 * Pertama, siapkan bumbu…
 * ```
 *
 * The blank lines around the text keep it from merging with the header and
 * keep `---` a rule rather than a heading underline. A body line that reads
 * as a `---` rule (three or more dashes, spaces around allowed) or as a
 * message header, after removing its leading backslashes, gets one backslash
 * in front: `\---`, `\\---`, `\*2024-01-01 12:00:00* - **User**:` (see
 * `escape.ts`); Markdown renders those as the original text. Import also
 * reads time-only stamps, the role word `Bot`, `_stamp_` / `__Role__`
 * emphasis (what Markdown formatters make of ours), and text after the
 * header's colon; the first `# ` heading before any message is the title, and
 * HTML comment lines outside messages are ignored quietly.
 */
import { escapeBody, normalizeBody, unescapeBody } from "./escape.ts";
import type { ImportContext } from "./context.ts";
import { ImportError, ImportTooManyMessagesError } from "./errors.ts";
import { linesOf } from "./lines.ts";
import {
  blocksToChat,
  ROLE_PATTERN,
  ROLE_WORDS,
  roleOf,
  STAMP_PATTERN,
  type TextBlock,
  warnIgnoredLines,
} from "./text_common.ts";
import { formatStamp } from "./timestamp.ts";
import { cleanTitle } from "./titles.ts";
import type { ChatExport, ImportedChat } from "./types.ts";

// `_stamp_` and `__Role__` too: Prettier and `deno fmt` rewrite `*` emphasis so.
const HEADER = new RegExp(
  String
    .raw`^([*_])[ \t]*(${STAMP_PATTERN})[ \t]*\1[ \t]*[-–—][ \t]*(\*\*|__)[ \t]*(${ROLE_PATTERN})[ \t]*(?:\3[ \t]*:|:[ \t]*\3)[ \t]?(.*)$`,
  "is",
);
const SEPARATOR = /^[ \t]*-{3,}[ \t]*$/;
const HEADING = /^#[ \t]+(.*)$/s;
const COMMENT = /^[ \t]*<!--.*-->[ \t]*$/s;

/** Whether a line is a Markdown message header. */
export const isMarkdownHeader = (line: string): boolean => HEADER.test(line);

const isStructural = (line: string) =>
  SEPARATOR.test(line) || HEADER.test(line);

/** The chat as Markdown, times in `timeZone`. */
export function exportMarkdown(
  { chat, messages }: ChatExport,
  { timeZone }: { timeZone: string },
): string {
  const heading = `# ${cleanTitle(chat.title) || "Chat"}`;
  if (messages.length === 0) return `${heading}\n`;
  const blocks = messages.map((message) => {
    const header = `*${formatStamp(message.createdAt, timeZone)}* - **${
      ROLE_WORDS[message.role]
    }**:`;
    const body = escapeBody(normalizeBody(message.content), isStructural);
    return body.length === 0 ? header : [header, "", ...body].join("\n");
  });
  return `${heading}\n\n${blocks.join("\n\n---\n\n")}\n`;
}

/** Reads a Markdown chat; throws `ImportError` when it holds neither a heading nor a message. */
export function parseMarkdown(
  text: string,
  context: ImportContext,
): ImportedChat {
  const blocks: TextBlock[] = [];
  const ignored: number[] = [];
  let heading: string | undefined;
  let inMessage = false;
  for (const [line, index] of linesOf(text)) {
    const header = HEADER.exec(line);
    if (header) {
      // Stops a file of a million tiny messages before it fills memory.
      if (blocks.length >= context.maxMessagesPerChat) {
        throw new ImportTooManyMessagesError(context.maxMessagesPerChat);
      }
      blocks.push({
        line: index + 1,
        stamp: header[2],
        role: roleOf(header[4]),
        lines: header[5] ? [header[5]] : [],
      });
      inMessage = true;
    } else if (SEPARATOR.test(line)) inMessage = false;
    else if (inMessage) blocks.at(-1)!.lines.push(line);
    else if (
      blocks.length === 0 && heading === undefined && HEADING.test(line)
    ) {
      heading = HEADING.exec(line)![1];
    } else if (line.trim() !== "" && !COMMENT.test(line)) {
      ignored.push(index + 1);
    }
  }
  if (blocks.length === 0 && heading === undefined) {
    throw new ImportError("import.error.no_messages", {}, { line: 1 });
  }
  warnIgnoredLines(ignored, context.warnings);
  return blocksToChat(
    blocks,
    heading,
    (lines) => unescapeBody(lines, isStructural),
    context,
  );
}
