/**
 * A turn of the conversation: check that it may run, send the model its
 * context, and meanwhile reserve the chat and store the user's message and
 * the answer's placeholder; then answer the HTTP request with the event
 * stream. The upstream request goes out before those commits (unless many
 * turns are being stored at once) because the user waits for them only if
 * they come first; the model's first token, later than they are, is
 * forwarded once the turn is stored.
 */
import type { Services } from "@/lib/app.ts";
import { newId } from "@/lib/chats/ids.ts";
import { autoTitle } from "@/lib/chats/title.ts";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { ApiError } from "@/lib/http/api.ts";
import { encodeEvent } from "@/lib/http/sse.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { parseCommand } from "@/lib/commands/mod.ts";
import { admit, reserved } from "./admission.ts";
import {
  contextOf,
  generate,
  placeholder,
  requestAnswer,
  streamAnswer,
} from "./answer.ts";
import { answerCommand } from "./command_turn.ts";
import { eventStreamResponse } from "./generation.ts";

/** Who asks, in which chat, in which language. */
export interface TurnContext {
  services: Services;
  owner: string;
  chat: Chat;
  lang: Lang;
  /** The user's IANA time zone, for `!waktu`. */
  timeZone: string;
}

/** Sends the user's `content` and streams the answer. */
export async function sendMessage(
  turn: TurnContext,
  content: string,
): Promise<Response> {
  const { services: { store }, owner, chat, lang } = turn;
  // Ids sort by creation: the question's must come before its answer's.
  const userId = newId();
  const answerId = newId();
  const command = parseCommand(content);
  const history = await admit(turn);
  const user: Message = {
    id: userId,
    role: "user",
    content,
    createdAt: new Date().toISOString(),
    status: "complete",
    ...(command ? { command: true } : {}),
  };
  const request = command
    ? undefined
    : requestAnswer(turn, await contextOf(turn, [...history, user]));
  const firstQuestion = !command && !chat.titleFixed &&
    !history.some((m) => m.role === "user" && !m.command);
  const title = firstQuestion ? autoTitle(content) : "";
  return await reserved(turn, answerId, async () => {
    // The question, the answer's placeholder and the title: one commit.
    const added = await store.addMessages(
      owner,
      chat.id,
      request ? [user, placeholder(turn, answerId)] : [user],
      title ? { title } : {},
    );
    if (!added) throw new ApiError("not_found", t(lang, "api.not_found"));
    const prefix = [encodeEvent("user", { message: added[0] })];
    if (!request) {
      return await answerCommand(turn, command!, history, answerId, prefix);
    }
    const generation = generate(turn, added[1], request);
    return eventStreamResponse(generation.watch(prefix));
  }, request);
}

/**
 * Answers the chat's last question again. The earlier answers stay as
 * alternatives (inactive, in one group) that the user can page through.
 */
export async function regenerate(turn: TurnContext): Promise<Response> {
  const { services: { store }, owner, chat, lang } = turn;
  const answerId = newId();
  const history = await admit(turn);
  const question = history.findLast((m) => m.role === "user");
  if (!question || question.command) {
    throw new ApiError("invalid_request", t(lang, "api.nothing_to_regenerate"));
  }
  const asked = history.indexOf(question) + 1;
  const answers = history.slice(asked);
  const group = answers[0]?.group ?? answers[0]?.id ?? answerId;
  const request = requestAnswer(
    turn,
    await contextOf(turn, history.slice(0, asked)),
  );
  return await reserved(turn, answerId, async () => {
    for (const old of answers) {
      await store.updateMessage(owner, chat.id, old.id, {
        group,
        inactive: true,
      });
    }
    const generation = await streamAnswer(turn, answerId, request, { group });
    return eventStreamResponse(generation.watch());
  }, request);
}

/**
 * Replaces the text of the user's message `messageId`, drops everything
 * after it (answers and alternatives), and answers it anew.
 */
export async function editAndResend(
  turn: TurnContext,
  messageId: string,
  content: string,
): Promise<Response> {
  const { services: { store }, owner, chat, lang } = turn;
  const answerId = newId();
  const history = await admit(turn);
  const index = history.findIndex((m) => m.id === messageId);
  const target = history[index];
  if (!target) {
    throw new ApiError("not_found", t(lang, "api.message_not_found"));
  }
  if (target.role !== "user" || target.command || parseCommand(content)) {
    throw new ApiError("invalid_request", t(lang, "api.not_editable"));
  }
  const earlier = history.slice(0, index);
  const request = requestAnswer(
    turn,
    await contextOf(turn, [...earlier, { ...target, content }]),
  );
  return await reserved(turn, answerId, async () => {
    for (const later of history.slice(index + 1)) {
      await store.deleteMessage(owner, chat.id, later.id);
    }
    const user = await store.updateMessage(owner, chat.id, messageId, {
      content,
    });
    if (!user) {
      throw new ApiError("not_found", t(lang, "api.message_not_found"));
    }
    const isFirst = !earlier.some((m) => m.role === "user" && !m.command);
    if (isFirst && !chat.titleFixed) {
      const title = autoTitle(content);
      if (title) await store.updateChat(owner, chat.id, { title });
    }
    const generation = await streamAnswer(turn, answerId, request);
    return eventStreamResponse(
      generation.watch([encodeEvent("user", { message: user })]),
    );
  }, request);
}
