/**
 * What the model is sent for a turn, and the request that sends it (not
 * sent yet: see `AnswerRequest`).
 */
import { effectiveSystemPrompt } from "@/lib/chats/personas.ts";
import type { Message } from "@/lib/chats/types.ts";
import { estimateCost } from "@/lib/accounts/usage.ts";
import { type ChatMessage, streamCompletion } from "@/lib/openrouter/client.ts";
import { AnswerRequest } from "./answer_request.ts";
import { buildContext } from "./context.ts";
import { MissingKeyError } from "./errors.ts";
import { keyedStream } from "./keyed_stream.ts";
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

/** Whether the configured endpoint is OpenRouter itself, which needs a key. */
function endpointNeedsKey(config: { openrouterBaseUrl: string }): boolean {
  return new URL(config.openrouterBaseUrl).hostname.endsWith(OPENROUTER_HOST);
}

/**
 * Whether `owner`'s answers have no key to go out with: the endpoint needs
 * one, the operator set none and the person connected none of their own.
 * Nothing can be asked then, and the composer says so.
 */
export async function keyMissing(
  services: Pick<TurnContext["services"], "config" | "accounts">,
  owner: string,
): Promise<boolean> {
  const { config, accounts } = services;
  if (config.openrouterApiKey || !endpointNeedsKey(config)) return false;
  return !(await accounts.upstreamFor(owner)).personalKey;
}

/**
 * The request of the chat model's answer to `messages`, not sent yet. It
 * goes out with the person's own OpenRouter key when they connected one,
 * else the operator's; its usage is counted for the person's usage page
 * (and, on the operator's key, their monthly budget), priced from the
 * model list when the upstream gives no cost.
 */
export function requestAnswer(
  turn: TurnContext,
  messages: ChatMessage[],
): AnswerRequest {
  const { config, accounts, models } = turn.services;
  const { chat } = turn;
  const needsKey = endpointNeedsKey(config);
  return new AnswerRequest((signal) => {
    let personal = false;
    return keyedStream(async () => {
      const { personalKey } = await accounts.upstreamFor(turn.owner);
      personal = !!personalKey;
      const apiKey = personalKey ?? config.openrouterApiKey;
      if (!apiKey && needsKey) throw new MissingKeyError();
      return streamCompletion(
        {
          model: chat.model,
          messages,
          temperature: chat.temperature,
          maxTokens: config.maxAnswerTokens,
        },
        {
          apiKey: apiKey ?? "",
          baseUrl: config.openrouterBaseUrl,
          appUrl: config.appUrl,
          appTitle: config.appTitle,
          signal,
          firstByteTimeoutMs: config.upstreamTimeoutMs,
          idleTimeoutMs: config.upstreamTimeoutMs,
          limits: { deadlineMs: config.answerDeadlineMs },
        },
      );
    }, (usage) => {
      void (async () => {
        const cost = usage.cost ??
          estimateCost(usage, (await models.find(chat.model))?.pricing);
        await accounts.recordAnswer({
          owner: turn.owner,
          model: chat.model,
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
          cost,
          operatorKey: !personal,
        });
      })();
    });
  });
}
