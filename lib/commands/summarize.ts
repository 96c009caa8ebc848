/** The prompt of `!summarize_chat`. */
import type { Message } from "@/lib/chats/types.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { parseCommand } from "./parse.ts";

/** About 15k tokens: fits most models' context with room left for the summary. */
const DEFAULT_MAX_CHARS = 60_000;

/**
 * The messages worth summarizing: not commands or their answers (flagged
 * `command`, or a user text that parses as one), not failed answers, not empty.
 */
export function summarizableMessages(messages: Message[]): Message[] {
  return messages.filter((m) =>
    !m.command && !m.inactive && m.status !== "error" &&
    m.content.trim() !== "" &&
    !(m.role === "user" && parseCommand(m.content))
  );
}

/**
 * The system and user messages that ask the model for a summary in `lang`.
 * The transcript keeps the newest messages that fit in `maxChars` and says
 * how many older ones it left out. Check `summarizableMessages()` first: for
 * an empty chat answer `emptyChatSummaryText()` without calling the model.
 */
export function summarizePrompt(
  messages: Message[],
  lang: Lang,
  maxChars = DEFAULT_MAX_CHARS,
): { system: string; user: string } {
  const entries = summarizableMessages(messages).map((m) =>
    `${t(lang, `cmd.summary.role.${m.role}`)}: ${fenceSafe(m.content.trim())}`
  );
  const kept: string[] = [];
  let size = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = kept.length === 0 && entries[i].length > maxChars
      ? `${entries[i].slice(0, maxChars)}…`
      : entries[i];
    if (kept.length > 0 && size + entry.length > maxChars) break;
    kept.unshift(entry);
    size += entry.length + 2;
  }
  const omitted = entries.length - kept.length;
  if (omitted > 0) {
    kept.unshift(t(lang, "cmd.summary.omitted", { count: omitted }));
  }
  return {
    system: t(lang, "cmd.summary.system"),
    user: t(lang, "cmd.summary.user", { transcript: kept.join("\n\n") }),
  };
}

/** The answer to `!summarize_chat` in a chat with nothing to summarize. */
export function emptyChatSummaryText(lang: Lang): string {
  return t(lang, "cmd.summary.empty");
}

/**
 * Chat text must not close the `<conversation>` block that marks it as data
 * for the model: a typed tag is broken with a zero-width space.
 */
function fenceSafe(text: string): string {
  return text.replace(/<(\/?)(conversation)/gi, "<$1\u200b$2");
}
