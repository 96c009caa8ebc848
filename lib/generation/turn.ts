/**
 * The turns of a conversation: each reads the chat's history (the reading
 * half of admission), plans its prompt or command answer and its writes,
 * and hands the plan to `runTurn()`, which returns the event stream.
 */
import { newId } from "@/lib/chats/ids.ts";
import { autoTitle } from "@/lib/chats/title.ts";
import type { Message } from "@/lib/chats/types.ts";
import { parseCommand } from "@/lib/commands/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { t } from "@/lib/i18n/mod.ts";
import { refuseWhenFull } from "@/lib/storage_health.ts";
import { admit } from "./admission.ts";
import { commandAnswer } from "./command_answer.ts";
import { contextOf } from "./prompt.ts";
import { runTurn } from "./run_turn.ts";
import type { Slot } from "./slots.ts";
import type { TurnContext } from "./turn_context.ts";

export type { TurnContext } from "./turn_context.ts";

/** Whether `messages` hold no question of the user yet (commands aside). */
const noQuestion = (messages: Message[]) =>
  !messages.some((m) => m.role === "user" && !m.command);

/** Runs a turn holding `slot`; a failure before its answer starts gives the slot back. */
async function holding(
  slot: Slot,
  run: () => Promise<ReadableStream<Uint8Array>>,
): Promise<ReadableStream<Uint8Array>> {
  try {
    return await run();
  } catch (error) {
    slot.release();
    throw error;
  }
}

/** Sends the user's `content` and streams the answer. */
export async function sendMessage(
  turn: TurnContext,
  content: string,
): Promise<ReadableStream<Uint8Array>> {
  // Ids sort by creation: the question's must come before its answer's.
  const userId = newId();
  const answerId = newId();
  const command = parseCommand(content);
  refuseWhenFull(turn.services.storage, turn.lang);
  const { history, slot } = await admit(turn);
  return holding(slot, async () => {
    const user: Message = {
      id: userId,
      role: "user",
      content,
      createdAt: new Date().toISOString(),
      status: "complete",
      ...(command ? { command: true } : {}),
    };
    const answer = command
      ? await commandAnswer(turn, command, history)
      : { prompt: await contextOf(turn, [...history, user]) };
    const title = !command && !turn.chat.titleFixed && noQuestion(history)
      ? autoTitle(content)
      : "";
    return await runTurn(turn, {
      answerId,
      slot,
      answer,
      writes: { add: [user], chat: title ? { title } : {} },
      firstEvents: ({ added }) => [
        { event: "user", data: { message: added[0], ...(title && { title }) } },
      ],
    });
  });
}

/**
 * Answers the chat's last question again. The earlier answers stay as
 * alternatives (inactive, in one group) that the user can page through.
 */
export async function regenerate(
  turn: TurnContext,
): Promise<ReadableStream<Uint8Array>> {
  const answerId = newId();
  refuseWhenFull(turn.services.storage, turn.lang);
  const { history, slot } = await admit(turn);
  return holding(slot, async () => {
    const question = history.findLast((m) => m.role === "user");
    if (!question || question.command) {
      throw new ApiError(
        "invalid_request",
        t(turn.lang, "api.nothing_to_regenerate"),
      );
    }
    const asked = history.indexOf(question) + 1;
    const answers = history.slice(asked);
    const group = answers[0]?.group ?? answers[0]?.id ?? answerId;
    return await runTurn(turn, {
      answerId,
      slot,
      answer: { prompt: await contextOf(turn, history.slice(0, asked)), group },
      writes: {
        update: answers.filter((m) => m.group !== group || !m.inactive)
          .map((m) => ({ id: m.id, patch: { group, inactive: true } })),
      },
    });
  });
}

/**
 * Replaces the text of the user's message `messageId`, drops everything
 * after it (answers and alternatives), and answers it anew.
 */
export async function editAndResend(
  turn: TurnContext,
  edit: { messageId: string; content: string },
): Promise<ReadableStream<Uint8Array>> {
  const { messageId, content } = edit;
  const answerId = newId();
  refuseWhenFull(turn.services.storage, turn.lang);
  const { history, slot } = await admit(turn);
  return holding(slot, async () => {
    const index = history.findIndex((m) => m.id === messageId);
    const target = history[index];
    if (!target) {
      throw new ApiError("not_found", t(turn.lang, "api.message_not_found"));
    }
    if (target.role !== "user" || target.command || parseCommand(content)) {
      throw new ApiError("invalid_request", t(turn.lang, "api.not_editable"));
    }
    const earlier = history.slice(0, index);
    const title = noQuestion(earlier) && !turn.chat.titleFixed
      ? autoTitle(content)
      : "";
    return await runTurn(turn, {
      answerId,
      slot,
      answer: {
        prompt: await contextOf(turn, [...earlier, { ...target, content }]),
      },
      writes: {
        update: [{ id: messageId, patch: { content } }],
        remove: history.slice(index + 1).map((m) => m.id),
        chat: title ? { title } : {},
      },
      firstEvents: ({ updated }) => [
        {
          event: "user",
          data: { message: updated[0], ...(title && { title }) },
        },
      ],
    });
  });
}
