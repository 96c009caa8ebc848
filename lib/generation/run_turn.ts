/**
 * The one pipeline every turn runs once it is planned: send the model its
 * prompt, meanwhile reserve the chat and commit the turn's writes with the
 * answer's message, then hand the request to the runner and return the
 * event stream. The request goes out before those commits (unless many
 * turns are being stored at once, see `EarlyStartGate`) because the user
 * waits for them only if they come first; the model's first token, later
 * than they are, is forwarded once the turn is stored.
 */
import type {
  MessageInit,
  TurnCommitted,
  TurnWrites,
} from "@/lib/chats/store/mod.ts";
import { type ChatEvent, replayEvents } from "@/lib/events/chat_events.ts";
import { ApiError } from "@/lib/http/api.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { ChatMessage } from "@/lib/openrouter/client.ts";
import { holdChat } from "./admission.ts";
import { streamOfEvents } from "./generation.ts";
import { releaseMutations } from "./lease.ts";
import { requestAnswer } from "./prompt.ts";
import type { Slot } from "./slots.ts";
import type { TurnContext } from "./turn_context.ts";

/** How a turn is answered: by the model, or at once with a text. */
export type TurnAnswer =
  | { prompt: ChatMessage[]; command?: boolean; group?: string }
  | { text: string; command: true };

/** What a turn does, decided from the history before anything is written. */
export interface TurnPlan {
  /** The id of the answer's message; ids sort by creation. */
  answerId: string;
  /** The slot `admit()` took: held until the answer ends. */
  slot: Slot;
  answer: TurnAnswer;
  /** The turn's writes besides the answer, which `runTurn()` adds last. */
  writes: Omit<TurnWrites, "also">;
  /** Events before the answer's (the stored user message), from what was stored. */
  firstEvents?: (stored: TurnCommitted) => ChatEvent[];
}

/** The stored form of the plan's answer before it is generated. */
function answerMessage(turn: TurnContext, plan: TurnPlan): MessageInit {
  const { answer } = plan;
  const marks = {
    ...(answer.command ? { command: true } : {}),
    ...("group" in answer && answer.group ? { group: answer.group } : {}),
  };
  return "text" in answer
    ? {
      id: plan.answerId,
      role: "assistant",
      content: answer.text,
      status: "complete",
      ...marks,
    }
    : {
      id: plan.answerId,
      role: "assistant",
      content: "",
      status: "streaming",
      model: turn.chat.model,
      ...marks,
    };
}

/**
 * Runs `plan`: the event stream of its answer, or the refusal (`ApiError`)
 * when the chat is busy, full or over a limit. A refusal or a failure
 * before the answer started gives the chat back and abandons the request.
 */
export async function runTurn(
  turn: TurnContext,
  plan: TurnPlan,
): Promise<ReadableStream<Uint8Array>> {
  const { store, runner, earlyStarts } = turn.services;
  const ref = { owner: turn.owner, chatId: turn.chat.id };
  const request = "prompt" in plan.answer
    ? requestAnswer(turn, plan.answer.prompt)
    : undefined;
  let held = false;
  if (earlyStarts.enter()) request?.start();
  try {
    // An answer given at once (a local command) costs no model request.
    await holdChat(turn, plan.answerId, { rated: !!request });
    held = true;
    // The turn's writes and the answer: one commit. An answer given at once
    // frees the chat in it too.
    const stored = await store.commitTurn(ref, {
      ...plan.writes,
      add: [...plan.writes.add ?? [], answerMessage(turn, plan)],
      also: request ? [] : releaseMutations(ref),
    });
    if (!stored) throw new ApiError("not_found", t(turn.lang, "api.not_found"));
    const first = plan.firstEvents?.(stored) ?? [];
    const message = stored.added.at(-1)!;
    if (!request) {
      plan.slot.release();
      return streamOfEvents([...first, ...replayEvents(message)]);
    }
    const generation = runner.start({
      ...ref,
      message,
      complete: () => request,
      lang: turn.lang,
      controller: request.controller,
    });
    plan.slot.releaseWhen(generation.done);
    return generation.watch(first);
  } catch (error) {
    request?.abandon();
    if (held && !runner.get(ref.owner, ref.chatId)) {
      await runner.release(ref.owner, ref.chatId);
    }
    throw error;
  } finally {
    earlyStarts.leave();
  }
}
