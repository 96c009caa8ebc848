/**
 * The turns of a conversation: each reads the chat's history (the reading
 * half of admission), plans its prompt or command answer and its writes,
 * and hands the plan to `runTurn()`, which returns the event stream.
 */
import { newId } from "@/lib/chats/ids.ts";
import { MAX_TURN_MESSAGES } from "@/lib/chats/store/turn_commit.ts";
import { currentBranch, editChanges } from "@/lib/chats/branch.ts";
import { autoTitle } from "@/lib/chats/title.ts";
import type { Message } from "@/lib/chats/types.ts";
import { parseCommand } from "@/lib/commands/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { t } from "@/lib/i18n/mod.ts";
import { refuseWhenFull } from "@/lib/storage_health.ts";
import { admit } from "./admission.ts";
import { commandAnswer } from "./command_answer.ts";
import { contextOf, keyMissing } from "./prompt.ts";
import { runTurn } from "./run_turn.ts";
import type { Slot } from "./slots.ts";
import type { TurnContext } from "./turn_context.ts";

export type { TurnContext } from "./turn_context.ts";

/** Whether `messages` hold no question of the user yet (commands aside). */
const noQuestion = (messages: Message[]) =>
  !messages.some((m) => m.role === "user" && !m.command);

/** Refuses a turn the model must answer when no API key is set (nothing is stored or sent). */
async function refuseWithoutKey(turn: TurnContext): Promise<void> {
  if (await keyMissing(turn.services, turn.owner)) {
    throw new ApiError("conflict", t(turn.lang, "api.no_key"));
  }
}

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
  // Commands answered here need no key and count against no answer limit.
  const local = !!command && command.name !== "summarize_chat";
  if (!command) await refuseWithoutKey(turn);
  const { history, slot } = await admit(turn, { rated: !local });
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
  await refuseWithoutKey(turn);
  const { history, slot } = await admit(turn);
  return holding(slot, async () => {
    // Versions put aside are no part of the conversation answered.
    const branch = currentBranch(history);
    const question = branch.findLast((m) => m.role === "user");
    if (!question || question.command) {
      throw new ApiError(
        "invalid_request",
        t(turn.lang, "api.nothing_to_regenerate"),
      );
    }
    const asked = branch.indexOf(question) + 1;
    const answers = branch.slice(asked);
    const inGroup = (m: Message) =>
      m.group === (answers[0]?.group ?? answers[0]?.id);
    const group = answers[0]?.group ?? answers[0]?.id ?? answerId;
    return await runTurn(turn, {
      answerId,
      slot,
      answer: { prompt: await contextOf(turn, branch.slice(0, asked)), group },
      writes: {
        update: answers.filter((m) => !inGroup(m) || !m.inactive)
          .map((m) => ({ id: m.id, patch: { group, inactive: true } })),
      },
    });
  });
}

/**
 * Makes a new version of the conversation from the user's message
 * `messageId`: the new text is added as that message's next version and
 * answered; the old message and everything after it stay stored, put aside
 * (see branch.ts), and come back when the user chooses that version.
 */
export async function editAndResend(
  turn: TurnContext,
  edit: { messageId: string; content: string },
): Promise<ReadableStream<Uint8Array>> {
  const { messageId, content } = edit;
  const userId = newId();
  const answerId = newId();
  refuseWhenFull(turn.services.storage, turn.lang);
  await refuseWithoutKey(turn);
  const { history, slot } = await admit(turn);
  return holding(slot, async () => {
    const branch = currentBranch(history);
    const index = branch.findIndex((m) => m.id === messageId);
    const target = branch[index];
    if (!target) {
      throw new ApiError("not_found", t(turn.lang, "api.message_not_found"));
    }
    if (target.role !== "user" || target.command || parseCommand(content)) {
      throw new ApiError("invalid_request", t(turn.lang, "api.not_editable"));
    }
    const changes = editChanges(history, target, target.group ?? target.id);
    if (changes.length + 2 > MAX_TURN_MESSAGES) {
      throw new ApiError("conflict", t(turn.lang, "api.edit_too_far"));
    }
    const earlier = branch.slice(0, index);
    const group = target.group ?? target.id;
    const user: Message = {
      id: userId,
      role: "user",
      content,
      createdAt: new Date().toISOString(),
      status: "complete",
      group,
    };
    const title = noQuestion(earlier) && !turn.chat.titleFixed
      ? autoTitle(content)
      : "";
    return await runTurn(turn, {
      answerId,
      slot,
      answer: { prompt: await contextOf(turn, [...earlier, user]) },
      writes: {
        add: [user],
        update: changes,
        chat: title ? { title } : {},
      },
      firstEvents: ({ added }) => [
        {
          event: "user",
          data: { message: added[0], ...(title && { title }) },
        },
      ],
    });
  });
}
