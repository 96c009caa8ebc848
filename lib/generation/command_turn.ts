/**
 * Answers a `!command` turn. Every command but `!summarize_chat` is answered
 * here without the model; the answer is stored marked as a command, so it is
 * shown but never sent as context, and it reaches the browser as the same
 * event stream as a model's answer.
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
import { ApiError } from "@/lib/http/api.ts";
import { t } from "@/lib/i18n/mod.ts";
import { findModel } from "@/lib/openrouter/models.ts";
import { eventStreamResponse, Generation } from "./generation.ts";
import { requestAnswer, streamAnswer } from "./answer.ts";
import type { TurnContext } from "./turn.ts";

/** Answers `command` after the chat's `history` into message `answerId`. */
export async function answerCommand(
  turn: TurnContext,
  command: ParsedCommand,
  history: Message[],
  answerId: string,
  prefix: Uint8Array[],
): Promise<Response> {
  const { services, owner, chat, lang } = turn;
  const { config, store, runner } = services;
  let text: string;
  switch (command.name) {
    case "help":
      text = helpText(lang);
      break;
    case "waktu":
      text = timeText(new Date(), turn.timeZone, lang, config.appTimezone);
      break;
    case "info_model": {
      const model = await findModel(chat.model, {
        baseUrl: config.openrouterBaseUrl,
        apiKey: config.openrouterApiKey,
      }).catch(() => undefined);
      text = model
        ? modelInfoText(model, lang)
        : modelUnknownText(chat.model, lang);
      break;
    }
    case "summarize_chat": {
      if (summarizableMessages(history).length === 0) {
        text = emptyChatSummaryText(lang);
        break;
      }
      const { system, user } = summarizePrompt(history, lang);
      const request = requestAnswer(turn, [
        { role: "system", content: system },
        { role: "user", content: user },
      ]);
      const generation = await streamAnswer(turn, answerId, request, {
        command: true,
      });
      return eventStreamResponse(generation.watch(prefix));
    }
    default:
      text = unknownCommandText(command.raw, lang);
  }
  const message = await store.addMessage(owner, chat.id, {
    id: answerId,
    role: "assistant",
    content: text,
    status: "complete",
    command: true,
  });
  await runner.release(owner, chat.id);
  if (!message) throw new ApiError("not_found", t(lang, "api.not_found"));
  // A finished generation replays as start, the whole text, and done.
  const answered = new Generation(owner, chat.id, message);
  answered.finish(message);
  return eventStreamResponse(answered.watch(prefix));
}
