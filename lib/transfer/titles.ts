/** Titles of imported chats that carry none of their own. */
import { t } from "@/lib/i18n/mod.ts";
import type { ImportContext } from "./context.ts";
import { CONTROL_CHARS } from "./escape.ts";
import type { ImportedMessage } from "./types.ts";

const MAX_TITLE_LENGTH = 200;

/** One line, single spaces, no control characters, at most 200 characters (not cutting an emoji in half). */
export function cleanTitle(title: string): string {
  const line = title.replace(CONTROL_CHARS, "").replace(/\s+/gu, " ").trim();
  const chars = Array.from(line);
  return chars.length <= MAX_TITLE_LENGTH
    ? line
    : chars.slice(0, MAX_TITLE_LENGTH).join("").trimEnd();
}

/** The file's name without folders and extension, e.g. `Resep rendang` of `C:\x\Resep rendang.txt`. */
export function titleFromFilename(filename: string | undefined): string {
  if (!filename) return "";
  const base = filename.split(/[\\/]/).at(-1) ?? "";
  return cleanTitle(base.replace(/\.[^.]*$/, ""));
}

/** The first five words of the first user message with text. */
export function titleFromMessages(messages: ImportedMessage[]): string {
  const first = messages.find((m) => m.role === "user" && m.content.trim());
  if (!first) return "";
  return cleanTitle(first.content.trim().split(/\s+/u).slice(0, 5).join(" "));
}

/**
 * The title of an imported chat: the file's own (a Markdown heading, a
 * ChatGPT title), else the file name, else the first user words, else
 * "Imported chat". Only the first two count as chosen by a person
 * (`titleFixed`), so automatic titling may still improve the others.
 */
export function chatTitle(
  own: string | null | undefined,
  messages: ImportedMessage[],
  context: ImportContext,
): { title: string; titleFixed: boolean } {
  const explicit = cleanTitle(own ?? "") || titleFromFilename(context.filename);
  if (explicit) return { title: explicit, titleFixed: true };
  return {
    title: titleFromMessages(messages) || t(context.lang, "import.untitled"),
    titleFixed: false,
  };
}
