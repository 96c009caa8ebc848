/**
 * Whether a turn may run, and the chat's reservation for its answer. A slot
 * of this process (slots.ts) is taken first, synchronously, so that sends
 * arriving together cannot all pass; the KV checks run twice: first as
 * reads (`admit()`), so that a turn that would be refused is refused before
 * its upstream request goes out; then binding, in the commits of
 * `holdChat()`, while that request is on its way (see run_turn.ts).
 */
import type { Message } from "@/lib/chats/types.ts";
import { ApiError } from "@/lib/http/api.ts";
import { t } from "@/lib/i18n/mod.ts";
import { addressSubject } from "@/lib/security/client_address.ts";
import {
  combineHits,
  combineVerdicts,
  type PreparedHit,
  type RateVerdict,
} from "@/lib/security/rate_limit.ts";
import { GenerationConflictError } from "./lease.ts";
import type { Slot } from "./slots.ts";
import type { TurnContext } from "./turn_context.ts";

/** What decides whether a turn may run. */
interface Standing {
  /** An answer is running in the chat, here or on another instance. */
  busy: boolean;
  /** Messages in the chat. */
  count: number | null;
  /** The answers per minute of the owner, its address and everyone. */
  rate: RateVerdict;
}

/**
 * The per-minute limits a turn counts against, with their subjects: the
 * owner, the client address (a new cookie does not reset it), everyone.
 */
function rateLimits(turn: TurnContext) {
  const { generations, addressGenerations, allGenerations } =
    turn.services.limiters;
  return [
    { limiter: generations, subject: turn.owner },
    {
      limiter: addressGenerations,
      subject: addressSubject(turn.clientAddress),
    },
    { limiter: allGenerations, subject: "all" },
  ];
}

/** Whether every per-minute limit of the turn has room, counting nothing. */
async function checkRates(turn: TurnContext): Promise<RateVerdict> {
  return combineVerdicts(
    await Promise.all(
      rateLimits(turn).map(({ limiter, subject }) => limiter.check(subject)),
    ),
  );
}

/** One hit on every per-minute limit of the turn, for the lease's commit. */
async function prepareRateHits(turn: TurnContext): Promise<PreparedHit> {
  return combineHits(
    await Promise.all(
      rateLimits(turn).map(({ limiter, subject }) =>
        limiter.prepareHit(subject)
      ),
    ),
  );
}

/**
 * Takes the turn's slot, or refuses the turn when too many answers run
 * already or one runs in the chat: no KV and no \`await\`, so requests
 * arriving together are counted one by one.
 */
function takeSlot(turn: TurnContext): Slot {
  const { config: { limits }, slots } = turn.services;
  const taken = slots.take(turn.owner, turn.chat.id);
  if (taken.ok) return taken.slot;
  const retry = { "Retry-After": "5" };
  switch (taken.refused) {
    case "chat":
      throw new ApiError("conflict", t(turn.lang, "api.conflict"));
    case "owner":
      throw new ApiError(
        "rate_limited",
        t(turn.lang, "limit.concurrent", { count: limits.concurrentPerOwner }),
        retry,
      );
    case "instance":
      throw new ApiError("rate_limited", t(turn.lang, "limit.busy"), retry);
  }
}

/**
 * Refuses a turn in a chat whose answer is still running (409), in a full
 * chat (409), or over the owner's answers per minute (429 with Retry-After).
 */
function checkStanding(turn: TurnContext, standing: Standing): void {
  const { lang } = turn;
  const { messagesPerChat } = turn.services.config.limits;
  if (standing.busy) throw new ApiError("conflict", t(lang, "api.conflict"));
  if ((standing.count ?? 0) + 2 > messagesPerChat) {
    throw new ApiError(
      "conflict",
      t(lang, "limit.chat_full", { count: messagesPerChat }),
    );
  }
  if (!standing.rate.ok) {
    const seconds = standing.rate.retryAfterSeconds;
    throw new ApiError("rate_limited", t(lang, "limit.rate", { seconds }), {
      "Retry-After": String(seconds),
    });
  }
}

/** Whether a turn counts against the answer limits and the budget: a command answered without the model does not. */
export interface Rated {
  rated?: boolean;
}

const unrated: RateVerdict = { ok: true, retryAfterSeconds: 0 };

/** An admitted turn: the chat's messages and the slot its answer holds. */
export interface Admitted {
  history: Message[];
  /** Released by `runTurn()` when the answer ends, by the caller on a failure before. */
  slot: Slot;
}

/**
 * Takes the turn's slot and checks, by reading only, that the turn may run;
 * returns the chat's messages (all of them: their number is the chat's
 * size); throws the refusal as an `ApiError`, with the slot given back.
 */
export async function admit(
  turn: TurnContext,
  options: Rated = {},
): Promise<Admitted> {
  const { store, runner } = turn.services;
  const { owner, chat } = turn;
  const slot = takeSlot(turn);
  try {
    const [history, rate, busy] = await Promise.all([
      store.listMessages(owner, chat.id),
      options.rated === false ? unrated : checkRates(turn),
      runner.isRunning(owner, chat.id),
      // The person's budget and answers per minute (lib/accounts/).
      turn.services.accounts.admitAnswer(owner, turn.lang, {
        upstream: options.rated !== false,
      }),
    ]);
    if (!history) {
      throw new ApiError("not_found", t(turn.lang, "api.not_found"));
    }
    checkStanding(turn, { busy, count: history.length, rate });
    return { history, slot };
  } catch (error) {
    slot.release();
    throw error;
  }
}

/**
 * Reserves the chat for the answer `messageId` after the KV checks of
 * `admit()` again, now binding: the lease, the owner's count of answers and
 * the chat's size, their KV work at once. A refusal gives the lease back.
 */
export async function holdChat(
  turn: TurnContext,
  messageId: string,
  options: Rated = {},
): Promise<void> {
  const { store, runner } = turn.services;
  const { owner } = turn;
  const chatId = turn.chat.id;
  // The lease and the owner's count of answers go in one commit.
  let rate: RateVerdict = { ok: true, retryAfterSeconds: 0 };
  const [count, lease] = await Promise.allSettled([
    store.countMessages(owner, chatId),
    runner.reserve(owner, chatId, messageId, async () => {
      if (options.rated === false) return (op: Deno.AtomicOperation) => op;
      const hit = await prepareRateHits(turn);
      rate = hit.verdict;
      return hit.apply;
    }),
  ]);
  const held = lease.status === "fulfilled";
  try {
    if (!held && !(lease.reason instanceof GenerationConflictError)) {
      throw lease.reason;
    }
    if (count.status === "rejected") throw count.reason;
    checkStanding(turn, { busy: !held, count: count.value, rate });
  } catch (error) {
    if (held) await runner.release(owner, chatId);
    throw error;
  }
}
