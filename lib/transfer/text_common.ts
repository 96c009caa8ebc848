/**
 * What the TXT and Markdown formats share: role words, stamp patterns, and
 * turning parsed blocks into an imported chat.
 */
import type { Role } from "@/lib/chats/types.ts";
import type { ImportContext } from "./context.ts";
import { ImportError, type Warnings } from "./errors.ts";
import { isoInZone, parseStamp } from "./timestamp.ts";
import { chatTitle } from "./titles.ts";
import type { ImportedChat, ImportedMessage } from "./types.ts";

/** The role words written by the exporters. */
export const ROLE_WORDS: Record<Role, string> = {
  user: "User",
  assistant: "Assistant",
  system: "System",
};

/** Role words read by the importers, in any case; the old app wrote `Bot` for the assistant. */
export const ROLE_PATTERN = "user|assistant|bot|system";

/** A full `YYYY-MM-DD HH:MM:SS` stamp or a time-only `HH:MM:SS` one (seconds optional). */
export const STAMP_PATTERN = String
  .raw`\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2}(?::\d{2})?`;

/** The role a role word stands for. */
export function roleOf(word: string): Role {
  const lower = word.toLowerCase();
  return lower === "bot" ? "assistant" : lower as Role;
}

/** A message as a text parser found it. */
export interface TextBlock {
  /** 1-based line of its header. */
  line: number;
  stamp: string;
  role: Role;
  /** Its body lines, still escaped. */
  lines: string[];
}

/** Turns parsed blocks into a chat; `unescape` undoes the format's escaping. */
export function blocksToChat(
  blocks: TextBlock[],
  heading: string | undefined,
  unescape: (lines: string[]) => string,
  context: ImportContext,
): ImportedChat {
  const messages: ImportedMessage[] = blocks.map((block) => {
    const ms = parseStamp(block.stamp, context.timeZone, context.now);
    if (ms === undefined) {
      throw new ImportError("import.error.stamp", { value: block.stamp }, {
        line: block.line,
      });
    }
    return {
      role: block.role,
      content: unescape(block.lines),
      createdAt: isoInZone(ms, context.timeZone),
      status: "complete",
    };
  });
  const now = isoInZone(context.now.getTime(), context.timeZone);
  const { title, titleFixed } = chatTitle(heading, messages, context);
  return {
    title,
    titleFixed,
    pinned: false,
    createdAt: messages[0]?.createdAt ?? now,
    updatedAt: messages.at(-1)?.createdAt ?? now,
    settings: {},
    messages,
    sourceMessageIds: messages.map(() => null),
  };
}

/** Warns once about non-blank lines that belong to no message. */
export function warnIgnoredLines(
  ignored: number[],
  warnings: Warnings,
): void {
  if (ignored.length > 0) {
    warnings.add("import.warning.ignored_lines", { count: ignored.length }, {
      line: ignored[0],
    });
  }
}
