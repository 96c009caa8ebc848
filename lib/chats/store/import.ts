/**
 * Importing a whole chat so that a failure leaves nothing behind: a pending
 * mark first, then the messages and chunks under the new chat id, and the
 * chat record with its order entry last, in the atomic operation that
 * removes the mark. On error everything under the id is purged.
 */

import { buildChat, chatMutations } from "./chats.ts";
import {
  type ChatDefaults,
  compact,
  type StoreContext,
  type StoredMessage,
} from "./context.ts";
import {
  chatKey,
  countKey,
  messageKey,
  pendingKey,
  streamingKey,
} from "@/lib/kv_keys.ts";
import { applyMutations, commitInBatches, type Mutation } from "./kv_limits.ts";
import { type MessageInit, planTexts } from "./messages.ts";
import { purgeChatData } from "./purge.ts";
import type { Chat, ChatInit } from "../types.ts";

/**
 * Writes a chat with its messages and returns the chat. Messages get fresh
 * ids in the given order (so they list in that order); their createdAt and
 * the chat's timestamps are kept when given.
 */
export async function importChat(
  ctx: StoreContext,
  owner: string,
  init: ChatInit & { defaults?: Partial<ChatDefaults> },
  messages: MessageInit[],
): Promise<Chat> {
  const chat = buildChat(ctx, init, ctx.newId());
  const now = ctx.now().toISOString();
  const pending = await ctx.kv.set(pendingKey(owner, chat.id), now);
  try {
    const mutations: Mutation[] = [];
    for (const message of messages) {
      const { content, reasoning, id: _id, ...rest } = message;
      const record: StoredMessage = compact({
        ...rest,
        id: ctx.newId(),
        createdAt: message.createdAt ?? now,
      });
      const writes = planTexts(ctx, { owner, chatId: chat.id }, {
        before: null,
        next: record,
        changes: { content, reasoning },
      });
      mutations.push(...writes.flatMap((w) => w.chunks));
      mutations.push({
        key: messageKey(owner, chat.id, record.id),
        value: record,
      });
      if (record.status === "streaming") {
        mutations.push({
          key: streamingKey(owner, chat.id, record.id),
          value: true,
        });
      }
    }
    await commitInBatches(ctx.kv, mutations);
    // The pending check fails if collectGarbage judged this import stale
    // and purged its messages meanwhile.
    const op = ctx.kv.atomic()
      .check({ key: chatKey(owner, chat.id), versionstamp: null })
      .check({
        key: pendingKey(owner, chat.id),
        versionstamp: pending.versionstamp,
      })
      .set(countKey(owner, chat.id), messages.length)
      .delete(pendingKey(owner, chat.id));
    const result = await applyMutations(op, chatMutations(owner, null, chat))
      .commit();
    if (!result.ok) {
      throw new Error(
        `Import of chat ${chat.id} was interrupted: its id is taken or it was purged as stale`,
      );
    }
    return chat;
  } catch (error) {
    await purgeChatData(ctx, owner, chat.id);
    throw error;
  }
}
