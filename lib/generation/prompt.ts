/**
 * What the model is sent for a turn, and the request that sends it (not
 * sent yet: see `AnswerRequest`).
 */
import { effectiveSystemPrompt } from "@/lib/chats/personas.ts";
import type { Message } from "@/lib/chats/types.ts";
import { type ChatMessage, streamCompletion } from "@/lib/openrouter/client.ts";
import { AnswerRequest } from "./answer_request.ts";
import { buildContext } from "./context.ts";
import { MissingKeyError } from "./errors.ts";
import type { TurnContext } from "./turn_context.ts";

const OPENROUTER_HOST = "openrouter.ai";

/** What the model is sent to answer the conversation `history`. */
export async function contextOf(
  turn: TurnContext,
  history: Message[],
): Promise<ChatMessage[]> {
  const model = await turn.services.models.find(turn.chat.model);
  return buildContext({
    systemPrompt: effectiveSystemPrompt(turn.chat, turn.lang),
    history,
    contextMessages: turn.chat.contextMessages,
    contextLength: model?.contextLength,
  });
}

/** Whether the endpoint needs an API key that is not set: nothing can be asked. */
export function keyMissing(
  config: { openrouterApiKey?: string; openrouterBaseUrl: string },
): boolean {
  return !config.openrouterApiKey &&
    new URL(config.openrouterBaseUrl).hostname.endsWith(OPENROUTER_HOST);
}

/** The request of the chat model's answer to `messages`, not sent yet. */
export function requestAnswer(
  turn: TurnContext,
  messages: ChatMessage[],
): AnswerRequest {
  const { config } = turn.services;
  const { chat } = turn;
  const missing = keyMissing(config);
  return new AnswerRequest((signal) => {
    if (missing) throw new MissingKeyError();
    return streamCompletion(
      {
        model: chat.model,
        messages,
        temperature: chat.temperature,
        maxTokens: config.maxAnswerTokens,
      },
      {
        apiKey: config.openrouterApiKey ?? "",
        baseUrl: config.openrouterBaseUrl,
        appUrl: config.appUrl,
        appTitle: config.appTitle,
        signal,
        firstByteTimeoutMs: config.upstreamTimeoutMs,
        idleTimeoutMs: config.upstreamTimeoutMs,
        limits: { deadlineMs: config.answerDeadlineMs },
      },
    );
  });
}
