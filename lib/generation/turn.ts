/**
 * A turn of the conversation: store the user's message, reserve the chat,
 * start the answer, and answer the HTTP request with the event stream.
 */
import type { Services } from "@/lib/app.ts";
import { effectiveSystemPrompt } from "@/lib/chats/personas.ts";
import { newId } from "@/lib/chats/ids.ts";
import { autoTitle } from "@/lib/chats/title.ts";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { ApiError } from "@/lib/http/api.ts";
import { encodeEvent } from "@/lib/http/sse.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { type ChatMessage, streamCompletion } from "@/lib/openrouter/client.ts";
import { parseCommand } from "@/lib/commands/mod.ts";
import { answerCommand } from "./command_turn.ts";
import { findModel } from "@/lib/openrouter/models.ts";
import { buildContext } from "./context.ts";
import { MissingKeyError } from "./errors.ts";
import { eventStreamResponse, type Generation } from "./generation.ts";
import { GenerationConflictError } from "./runner.ts";

const OPENROUTER_HOST = "openrouter.ai";

/** Who asks, in which chat, in which language. */
export interface TurnContext {
  services: Services;
  owner: string;
  chat: Chat;
  lang: Lang;
  /** The user's IANA time zone, for `!waktu`. */
  timeZone: string;
}

/** Refuses a turn when too many answers run already: no KV needed, so it counts nothing. */
function checkRunning(turn: TurnContext): void {
  const { config: { limits }, runner } = turn.services;
  if (runner.runningCount(turn.owner) >= limits.concurrentPerOwner) {
    throw new ApiError(
      "rate_limited",
      t(turn.lang, "limit.concurrent", { count: limits.concurrentPerOwner }),
      { "Retry-After": "5" },
    );
  }
  if (runner.runningCount() >= limits.concurrentGenerations) {
    throw new ApiError("rate_limited", t(turn.lang, "limit.busy"), {
      "Retry-After": "5",
    });
  }
}

/**
 * Runs `fn` with the chat reserved for the answer `messageId`. Refused are
 * a turn in a chat whose answer is still running (409), a full chat (409),
 * too many answers running or started by the owner in the last minute (429
 * with Retry-After). The checks' KV work runs at once, since the user waits
 * for every commit before the first token; a refusal, or a failure of `fn`
 * before the answer started, gives the reservation back.
 */
export async function reserved(
  turn: TurnContext,
  messageId: string,
  fn: () => Promise<Response>,
): Promise<Response> {
  const { config: { limits }, store, runner, limiters } = turn.services;
  const { owner, lang } = turn;
  const chatId = turn.chat.id;
  checkRunning(turn);
  const [count, verdict, lease] = await Promise.allSettled([
    store.countMessages(owner, chatId),
    limiters.generations.hit(owner),
    runner.reserve(owner, chatId, messageId),
  ]);
  const held = lease.status === "fulfilled";
  try {
    if (lease.status === "rejected") {
      if (lease.reason instanceof GenerationConflictError) {
        throw new ApiError("conflict", t(lang, "api.conflict"));
      }
      throw lease.reason;
    }
    if (count.status === "rejected") throw count.reason;
    if (verdict.status === "rejected") throw verdict.reason;
    if ((count.value ?? 0) + 2 > limits.messagesPerChat) {
      throw new ApiError(
        "conflict",
        t(lang, "limit.chat_full", { count: limits.messagesPerChat }),
      );
    }
    if (!verdict.value.ok) {
      const seconds = verdict.value.retryAfterSeconds;
      throw new ApiError("rate_limited", t(lang, "limit.rate", { seconds }), {
        "Retry-After": String(seconds),
      });
    }
    return await fn();
  } catch (error) {
    if (held && !runner.get(owner, chatId)) await runner.release(owner, chatId);
    throw error;
  }
}

/**
 * Starts a streaming answer from the chat's model to exactly `messages`,
 * stored as a new assistant message `messageId` (a command's answer when
 * `command` is set).
 */
export async function streamAnswer(
  turn: TurnContext,
  messageId: string,
  messages: ChatMessage[],
  options: { command?: boolean; group?: string } = {},
): Promise<Generation> {
  const { services, owner, chat, lang } = turn;
  const { config, runner } = services;
  const placeholder = await addPlaceholder(turn, messageId, options);
  const needsKey = new URL(config.openrouterBaseUrl).hostname.endsWith(
    OPENROUTER_HOST,
  );
  return runner.start(owner, chat.id, placeholder, async function* (signal) {
    if (!config.openrouterApiKey && needsKey) throw new MissingKeyError();
    yield* streamCompletion(
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
  }, lang);
}

/** Stores the empty, streaming answer that a generation fills. */
async function addPlaceholder(
  turn: TurnContext,
  messageId: string,
  options: { command?: boolean; group?: string } = {},
): Promise<Message> {
  const { owner, chat, lang } = turn;
  const placeholder = await turn.services.store.addMessage(owner, chat.id, {
    id: messageId,
    role: "assistant",
    content: "",
    status: "streaming",
    model: chat.model,
    ...(options.command ? { command: true } : {}),
    ...(options.group ? { group: options.group } : {}),
  });
  if (!placeholder) throw new ApiError("not_found", t(lang, "api.not_found"));
  return placeholder;
}

/** Starts the model's answer to the conversation `history` (an alternative in `group`). */
async function answer(
  turn: TurnContext,
  history: Message[],
  messageId: string,
  group?: string,
): Promise<Generation> {
  const { config } = turn.services;
  const model = await findModel(turn.chat.model, {
    baseUrl: config.openrouterBaseUrl,
    apiKey: config.openrouterApiKey,
  }).catch(() => undefined);
  const messages = buildContext({
    systemPrompt: effectiveSystemPrompt(turn.chat, turn.lang),
    history,
    contextMessages: turn.chat.contextMessages,
    contextLength: model?.contextLength,
  });
  return await streamAnswer(turn, messageId, messages, { group });
}

/** Sends the user's `content` and streams the answer. */
export function sendMessage(
  turn: TurnContext,
  content: string,
): Promise<Response> {
  const { services: { store }, owner, chat, lang } = turn;
  // Ids sort by creation: the question's must come before its answer's.
  const userId = newId();
  const answerId = newId();
  const command = parseCommand(content);
  return reserved(turn, answerId, async () => {
    const [listed, user] = await Promise.all([
      store.listMessages(owner, chat.id),
      store.addMessage(owner, chat.id, {
        id: userId,
        role: "user",
        content,
        status: "complete",
        ...(command ? { command: true } : {}),
      }),
    ]);
    if (!user) throw new ApiError("not_found", t(lang, "api.not_found"));
    // The read ran alongside the write, so it may already hold the new message.
    const history = (listed ?? []).filter((m) => m.id !== userId);
    let titling: Promise<unknown> = Promise.resolve();
    if (
      !command && !chat.titleFixed &&
      !history.some((m) => m.role === "user" && !m.command)
    ) {
      const title = autoTitle(content);
      if (title) titling = store.updateChat(owner, chat.id, { title });
    }
    const prefix = [encodeEvent("user", { message: user })];
    if (command) {
      await titling;
      return await answerCommand(turn, command, history, answerId, prefix);
    }
    const [generation] = await Promise.all([
      answer(turn, [...history, user], answerId),
      titling,
    ]);
    return eventStreamResponse(generation.watch(prefix));
  });
}

/**
 * Answers the chat's last question again. The earlier answers stay as
 * alternatives (inactive, in one group) that the user can page through.
 */
export function regenerate(turn: TurnContext): Promise<Response> {
  const { services: { store }, owner, chat, lang } = turn;
  const answerId = newId();
  return reserved(turn, answerId, async () => {
    const history = (await store.listMessages(owner, chat.id)) ?? [];
    const question = history.findLast((m) => m.role === "user");
    const answers = question
      ? history.slice(history.indexOf(question) + 1)
      : [];
    if (!question || question.command) {
      throw new ApiError(
        "invalid_request",
        t(lang, "api.nothing_to_regenerate"),
      );
    }
    const group = answers[0]?.group ?? answers[0]?.id ?? answerId;
    for (const old of answers) {
      await store.updateMessage(owner, chat.id, old.id, {
        group,
        inactive: true,
      });
    }
    const context = history.slice(0, history.indexOf(question) + 1);
    const generation = await answer(turn, context, answerId, group);
    return eventStreamResponse(generation.watch());
  });
}

/**
 * Replaces the text of the user's message `messageId`, drops everything
 * after it (answers and alternatives), and answers it anew.
 */
export function editAndResend(
  turn: TurnContext,
  messageId: string,
  content: string,
): Promise<Response> {
  const { services: { store }, owner, chat, lang } = turn;
  const answerId = newId();
  return reserved(turn, answerId, async () => {
    const history = (await store.listMessages(owner, chat.id)) ?? [];
    const index = history.findIndex((m) => m.id === messageId);
    const target = history[index];
    if (!target) {
      throw new ApiError("not_found", t(lang, "api.message_not_found"));
    }
    if (target.role !== "user" || target.command || parseCommand(content)) {
      throw new ApiError("invalid_request", t(lang, "api.not_editable"));
    }
    for (const later of history.slice(index + 1)) {
      await store.deleteMessage(owner, chat.id, later.id);
    }
    const user = await store.updateMessage(owner, chat.id, messageId, {
      content,
    });
    if (!user) {
      throw new ApiError("not_found", t(lang, "api.message_not_found"));
    }
    const isFirst = !history.slice(0, index).some((m) =>
      m.role === "user" && !m.command
    );
    if (isFirst && !chat.titleFixed) {
      const title = autoTitle(content);
      if (title) await store.updateChat(owner, chat.id, { title });
    }
    const generation = await answer(
      turn,
      [...history.slice(0, index), user],
      answerId,
    );
    return eventStreamResponse(
      generation.watch([encodeEvent("user", { message: user })]),
    );
  });
}
