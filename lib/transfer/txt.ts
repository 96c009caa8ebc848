/**
 * The old app's TXT format:
 *
 * ```
 * [2024-05-01 10:20:30] User: Apa kabar?
 *
 * [2024-05-01 10:20:35] Assistant: Baik! Ada yang bisa saya bantu?
 * Baris kedua jawaban.
 * ```
 *
 * A message is a header line `[stamp] Role: first line` and the lines after it
 * up to the next header; blank lines between messages are cosmetic, so a
 * blank line inside a message needs no escaping. Only a body line that reads
 * as a header (`[12:00:00] User: …`, `[2024-01-01 12:00:00] Bot: …`, any role
 * word in any case), after removing its leading backslashes, gets one
 * backslash in front (see `escape.ts`); the first line is escaped the same
 * way although it sits on the header line. Import also reads time-only stamps
 * (date = the import's date in the given zone) and the role word `Bot`.
 * Lines before the first header are ignored with a warning. The file has no
 * title: import takes the file name or the first user words.
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
import type { ChatExport, ImportedChat } from "./types.ts";

const HEADER = new RegExp(
  String
    .raw`^\[[ \t]*(${STAMP_PATTERN})[ \t]*\][ \t]*(${ROLE_PATTERN})[ \t]*:[ \t]?(.*)$`,
  "is",
);

/** Whether a line is a TXT message header. */
export const isTxtHeader = (line: string): boolean => HEADER.test(line);

/** The chat as TXT in the old app's format, times in `timeZone`. */
export function exportTxt(
  { messages }: ChatExport,
  { timeZone }: { timeZone: string },
): string {
  if (messages.length === 0) return "";
  const blocks = messages.map((message) => {
    const [first = "", ...rest] = escapeBody(
      normalizeBody(message.content),
      isTxtHeader,
    );
    const header = `[${formatStamp(message.createdAt, timeZone)}] ${
      ROLE_WORDS[message.role]
    }:`;
    return [first ? `${header} ${first}` : header, ...rest].join("\n");
  });
  return `${blocks.join("\n\n")}\n`;
}

/** Reads a TXT chat; throws `ImportError` when it holds no message. */
export function parseTxt(text: string, context: ImportContext): ImportedChat {
  const blocks: TextBlock[] = [];
  const ignored: number[] = [];
  for (const [line, index] of linesOf(text)) {
    const header = HEADER.exec(line);
    if (header) {
      // Stops a file of a million tiny messages before it fills memory.
      if (blocks.length >= context.maxMessagesPerChat) {
        throw new ImportTooManyMessagesError(context.maxMessagesPerChat);
      }
      blocks.push({
        line: index + 1,
        stamp: header[1],
        role: roleOf(header[2]),
        lines: [header[3]],
      });
    } else if (blocks.length > 0) blocks.at(-1)!.lines.push(line);
    else if (line.trim() !== "") ignored.push(index + 1);
  }
  if (blocks.length === 0) {
    throw new ImportError("import.error.no_messages", {}, { line: 1 });
  }
  warnIgnoredLines(ignored, context.warnings);
  return blocksToChat(
    blocks,
    undefined,
    (lines) => unescapeBody(lines, isTxtHeader),
    context,
  );
}
