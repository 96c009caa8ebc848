/**
 * The answer of a `!command` turn. Every command but `!summarize_chat` is
 * answered here without the model; the answer is stored marked as a
 * command, so it is shown but never sent as context, and it reaches the
 * browser as the same event stream as a model's answer.
 */
import {
  emptyChatSummaryText,
  helpText,
  modelInfoText,
  modelUnknownText,
  type ParsedCommand,
  summarizableMessages,
  summarizePrompt,
  timeText,
  unknownCommandText,
} from "@/lib/commands/mod.ts";
import type { Message } from "@/lib/chats/types.ts";
import type { TurnAnswer } from "./run_turn.ts";
import type { TurnContext } from "./turn_context.ts";

/** How `command`, sent after the chat's `history`, is answered. */
export async function commandAnswer(
  turn: TurnContext,
  command: ParsedCommand,
  history: Message[],
): Promise<TurnAnswer> {
  const { services: { config, models }, chat, lang } = turn;
  const text = (text: string): TurnAnswer => ({ text, command: true });
  switch (command.name) {
    case "help":
      return text(helpText(lang));
    case "waktu":
      return text(
        timeText(new Date(), turn.timeZone, lang, config.appTimezone),
      );
    case "info_model": {
      const model = await models.find(chat.model);
      return text(
        model ? modelInfoText(model, lang) : modelUnknownText(chat.model, lang),
      );
    }
    case "summarize_chat": {
      if (summarizableMessages(history).length === 0) {
        return text(emptyChatSummaryText(lang));
      }
      const { system, user } = summarizePrompt(history, lang);
      return {
        prompt: [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        command: true,
      };
    }
    default:
      return text(unknownCommandText(command.raw, lang));
  }
}
