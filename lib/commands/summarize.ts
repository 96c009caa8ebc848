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

/** Options of `summarizePrompt`. */
export interface SummarizeOptions {
  /** The transcript's size limit in characters. */
  maxChars?: number;
  /** The data block's name; random per request unless given (tests). */
  boundary?: string;
}

/**
 * The system and user messages that ask the model for a summary in `lang`.
 * The transcript is a JSON array of turns (no text can end a JSON string
 * early) inside a block named with a random boundary (no text can guess
 * where the block ends), so no chat content passes for an instruction or a
 * turn of its own. System messages are not part of it. It keeps the newest
 * turns that fit in `maxChars` and says how many older ones it left out.
 * Check `summarizableMessages()` first: for an empty chat answer
 * `emptyChatSummaryText()` without calling the model.
 */
export function summarizePrompt(
  messages: Message[],
  lang: Lang,
  options: SummarizeOptions = {},
): { system: string; user: string } {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const boundary = options.boundary ??
    `data-${crypto.randomUUID().replaceAll("-", "")}`;
  const turns = summarizableMessages(messages)
    .filter((m) => m.role !== "system")
    .map((m) =>
      JSON.stringify({
        role: t(lang, `cmd.summary.role.${m.role}`),
        text: m.content.trim(),
      })
    );
  const kept: string[] = [];
  let size = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    let turn = turns[i];
    if (kept.length === 0 && turn.length > maxChars) {
      const { role, text } = JSON.parse(turn);
      turn = JSON.stringify({ role, text: `${text.slice(0, maxChars)}…` });
    }
    if (kept.length > 0 && size + turn.length > maxChars) break;
    kept.unshift(turn);
    size += turn.length + 2;
  }
  const omitted = turns.length - kept.length;
  const note = omitted > 0
    ? `${t(lang, "cmd.summary.omitted", { count: omitted })}\n\n`
    : "";
  return {
    system: t(lang, "cmd.summary.system", { boundary }),
    user: t(lang, "cmd.summary.user", {
      boundary,
      transcript: `${note}<${boundary}>\n[\n${
        kept.join(",\n")
      }\n]\n</${boundary}>`,
    }),
  };
}

/** The answer to `!summarize_chat` in a chat with nothing to summarize. */
export function emptyChatSummaryText(lang: Lang): string {
  return t(lang, "cmd.summary.empty");
}
