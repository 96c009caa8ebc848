/**
 * The answer side of a turn: what the model is sent, the request that sends
 * it, and the stored placeholder that the runner fills with the answer.
 */
import { effectiveSystemPrompt } from "@/lib/chats/personas.ts";
import type { MessageInit } from "@/lib/chats/store/mod.ts";
import type { Message } from "@/lib/chats/types.ts";
import { ApiError } from "@/lib/http/api.ts";
import { t } from "@/lib/i18n/mod.ts";
import { type ChatMessage, streamCompletion } from "@/lib/openrouter/client.ts";
import { findModel } from "@/lib/openrouter/models.ts";
import { AnswerRequest } from "./answer_request.ts";
import { buildContext } from "./context.ts";
import { MissingKeyError } from "./errors.ts";
import type { Generation } from "./generation.ts";
import type { TurnContext } from "./turn.ts";

const OPENROUTER_HOST = "openrouter.ai";

/** The request of the chat model's answer to `messages`, not sent yet; see `AnswerRequest`. */
export function requestAnswer(
  turn: TurnContext,
  messages: ChatMessage[],
): AnswerRequest {
  const { config } = turn.services;
  const { chat } = turn;
  const needsKey = new URL(config.openrouterBaseUrl).hostname.endsWith(
    OPENROUTER_HOST,
  );
  return new AnswerRequest((signal) => {
    if (!config.openrouterApiKey && needsKey) throw new MissingKeyError();
    return streamCompletion(
      { model: chat.model, messages, temperature: chat.temperature },
      {
        apiKey: config.openrouterApiKey ?? "",
        baseUrl: config.openrouterBaseUrl,
        appUrl: config.appUrl,
        appTitle: config.appTitle,
        signal,
        firstByteTimeoutMs: config.upstreamTimeoutMs,
        idleTimeoutMs: config.upstreamTimeoutMs,
      },
    );
  });
}

/** The empty, streaming answer `messageId` that a generation fills. */
export function placeholder(
  turn: TurnContext,
  messageId: string,
  options: { command?: boolean; group?: string } = {},
): MessageInit {
  return {
    id: messageId,
    role: "assistant",
    content: "",
    status: "streaming",
    model: turn.chat.model,
    ...(options.command ? { command: true } : {}),
    ...(options.group ? { group: options.group } : {}),
  };
}

/** Hands `request` to the runner, which fills the stored `answer`. */
export function generate(
  turn: TurnContext,
  answer: Message,
  request: AnswerRequest,
): Generation {
  const { services: { runner }, owner, chat, lang } = turn;
  return runner.start(
    owner,
    chat.id,
    answer,
    () => request,
    lang,
    request.controller,
  );
}

/**
 * Stores the empty, streaming answer `messageId` (a command's answer when
 * `command` is set) and hands `request` to the runner, which fills it.
 */
export async function streamAnswer(
  turn: TurnContext,
  messageId: string,
  request: AnswerRequest,
  options: { command?: boolean; group?: string } = {},
): Promise<Generation> {
  const { services: { store }, owner, chat, lang } = turn;
  let answer: Message | null;
  try {
    answer = await store.addMessage(
      owner,
      chat.id,
      placeholder(turn, messageId, options),
    );
  } catch (error) {
    request.abandon();
    throw error;
  }
  if (!answer) {
    request.abandon();
    throw new ApiError("not_found", t(lang, "api.not_found"));
  }
  return generate(turn, answer, request);
}

/** What the model is sent to answer the conversation `history`. */
export async function contextOf(
  turn: TurnContext,
  history: Message[],
): Promise<ChatMessage[]> {
  const { config } = turn.services;
  const model = await findModel(turn.chat.model, {
    baseUrl: config.openrouterBaseUrl,
    apiKey: config.openrouterApiKey,
  }).catch(() => undefined);
  return buildContext({
    systemPrompt: effectiveSystemPrompt(turn.chat, turn.lang),
    history,
    contextMessages: turn.chat.contextMessages,
    contextLength: model?.contextLength,
  });
}
