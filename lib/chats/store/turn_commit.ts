/**
 * A turn's writes in one commit: the messages it adds, the ones it changes
 * and removes, the chat's patch, and the caller's own mutations (a lease).
 * Either all of it is visible or none of it is: a crash or a failed commit
 * leaves the chat as it was. Long texts go in chunks under versions no
 * record points to until that commit; removed messages' chunks are purged
 * after it.
 */

import {
  chatKey,
  countKey,
  messageKey,
  streamingKey,
  trashKey,
} from "@/lib/kv_keys.ts";
import type { Chat, ChatPatch, ChatRef, Message } from "../types.ts";
import { chatMutations, patchChat } from "./chats.ts";
import { visibleChat } from "./import_state.ts";
import { commitWithChunks, type TextWrite } from "./content_write.ts";
import { type Mutation, planBatches } from "./kv_limits.ts";
import { loadMessage, toMessage } from "./message_read.ts";
import {
  type MessageInit,
  type MessagePatch,
  planTexts,
  remember,
} from "./messages.ts";
import {
  purgeTexts,
  readAll,
  removalOf,
  removeNewestFirst,
} from "./turn_removal.ts";
import {
  compact,
  retry,
  type StoreContext,
  type StoredMessage,
} from "./context.ts";

/** What one turn writes. */
export interface TurnWrites {
  /** New messages, in order (ids and times are generated unless given). */
  add?: MessageInit[];
  /** Changes to existing messages. */
  update?: { id: string; patch: MessagePatch }[];
  /** Ids of messages to delete, in creation order. */
  remove?: string[];
  /** Applied to the chat, whose updatedAt moves to now. */
  chat?: ChatPatch;
  /** The caller's own mutations, in the same commit. */
  also?: Mutation[];
}

/** The messages a turn stored, as they are now. */
export interface TurnCommitted {
  added: Message[];
  updated: Message[];
}

/**
 * Most messages one turn may add and change: each is a check of its one
 * commit (at most 100). Their records must also fit that commit's bytes,
 * or `commitTurn()` refuses with a RangeError before writing anything.
 */
export const MAX_TURN_MESSAGES = 90;

/** Commits `writes` to the chat; null without the chat or a message to change. */
export async function commitTurn(
  ctx: StoreContext,
  ref: ChatRef,
  writes: TurnWrites,
): Promise<TurnCommitted | null> {
  const { owner, chatId } = ref;
  const { add = [], update = [], remove = [] } = writes;
  if (add.length + update.length > MAX_TURN_MESSAGES) {
    throw new RangeError(`A turn stores at most ${MAX_TURN_MESSAGES} messages`);
  }
  const added = add.map(({ content, reasoning, ...rest }): Message =>
    compact({
      ...rest,
      id: rest.id ?? ctx.newId(),
      createdAt: rest.createdAt ?? ctx.now().toISOString(),
      content,
      reasoning,
    })
  );
  const ids = [
    ...added.map((m) => m.id),
    ...update.map((u) => u.id),
    ...remove,
  ];
  if (new Set(ids).size !== ids.length) {
    throw new TypeError("A turn names each message once");
  }
  const key = (id: string) => messageKey(owner, chatId, id);
  const own = added.length + update.length;
  return await retry("store the turn", async () => {
    // One round trip: the chat, its count and trash mark, and the messages.
    const [read, removing] = await Promise.all([
      readAll(ctx.kv, [
        chatKey(owner, chatId),
        countKey(owner, chatId),
        trashKey(owner, chatId),
        ...added.map((m) => key(m.id)),
        ...update.map((u) => key(u.id)),
      ]),
      readAll(ctx.kv, remove.map(key)),
    ]);
    const [chat, count, trash] = read as [
      Deno.KvEntryMaybe<Chat>,
      Deno.KvEntryMaybe<number>,
      Deno.KvEntryMaybe<unknown>,
    ];
    const fresh = read.slice(3, 3 + added.length);
    const changing = read.slice(3 + added.length, 3 + own);
    const visible = await visibleChat(ctx, owner, chat.value);
    if (!visible || trash.value !== null) return null;
    const taken = fresh.findIndex((e) => e.value !== null);
    if (taken >= 0) {
      throw new Error(`Message ${added[taken].id} already exists in this chat`);
    }
    const loaded = await Promise.all(
      changing.map((entry) => loadMessage(ctx, ref, entry)),
    );
    if (loaded.some((l) => l === null)) return null;
    const gone = removing.filter((e) => e.value !== null);

    const texts: TextWrite[] = [];
    const finals: Mutation[] = [];
    const records: StoredMessage[] = [];
    const known: Partial<
      Record<"content" | "reasoning", string | undefined>
    >[] = [];
    for (const message of added) {
      const { content, reasoning, ...record }: StoredMessage & Message =
        message;
      texts.push(
        ...planTexts(ctx, ref, {
          before: null,
          next: record,
          changes: { content, reasoning },
        }),
      );
      finals.push({ key: key(message.id), value: record });
      if (message.status === "streaming") {
        finals.push({
          key: streamingKey(owner, chatId, message.id),
          value: true,
        });
      }
      records.push(record);
      known.push({ content, reasoning });
    }
    update.forEach(({ id, patch }, i) => {
      const { record: before, texts: old } = loaded[i]!;
      const { id: _id, content, reasoning, ...rest } = patch as Partial<
        Message
      >;
      const changes: Partial<
        Record<"content" | "reasoning", string | undefined>
      > = {};
      if (content !== undefined) changes.content = content;
      if ("reasoning" in patch) changes.reasoning = reasoning;
      const next: StoredMessage = { ...before, ...rest };
      for (const [name, value] of Object.entries(rest)) {
        if (value === undefined) delete next[name as keyof StoredMessage];
      }
      texts.push(...planTexts(ctx, ref, { before, next, changes, old }));
      finals.push({ key: key(id), value: next });
      if ((before.status === "streaming") !== (next.status === "streaming")) {
        const mark = streamingKey(owner, chatId, id);
        finals.push(
          next.status === "streaming"
            ? { key: mark, value: true }
            : { key: mark, delete: true },
        );
      }
      records.push(next);
      known.push({ ...old, ...changes });
    });
    const next = patchChat(ctx, visible, writes.chat ?? {});
    finals.push(
      {
        key: countKey(owner, chatId),
        value: Math.max(0, (count.value ?? 0) + added.length - gone.length),
      },
      ...chatMutations(owner, chat.value, next),
      ...(writes.also ?? []),
    );
    const removals = gone.flatMap((e) => removalOf(e));
    const first = planBatches([...finals, ...removals])[0];
    if (first.length < finals.length) {
      throw new RangeError("The turn's messages do not fit one commit");
    }
    if (first.length < finals.length + removals.length) {
      // More removals than one commit holds: the newest go first, so that
      // an interruption leaves the chat's older messages, never a gap.
      const fits = (first.length - finals.length) >> 1;
      await removeNewestFirst(ctx, ref, gone.slice(fits));
      return undefined;
    }
    const checks = [
      chat,
      count,
      trash,
      ...fresh,
      ...loaded.map((l) => l!.entry),
    ];
    const result = await commitWithChunks(ctx.kv, texts, checks, [
      ...finals,
      ...removals,
    ]);
    if (!result) return undefined;
    records.forEach((record, i) =>
      remember(ctx, ref, {
        record,
        stamp: result.versionstamp,
        texts: known[i],
      })
    );
    await purgeTexts(ctx, ref, gone);
    return {
      added,
      updated: records.slice(added.length).map((r, i) =>
        toMessage(r, known[added.length + i])
      ),
    };
  });
}
