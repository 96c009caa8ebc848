/** Listing an owner's chats in order, a page at a time. */

import { sameKey } from "./chats.ts";
import { KV_MAX_BATCH_SIZE } from "./kv_limits.ts";
import { orderPrefix } from "@/lib/kv_keys.ts";
import { decodeCursor, encodeCursor, orderPosition } from "./order.ts";
import type { StoreContext } from "./context.ts";
import { type StoredChat, visibleChat } from "./import_state.ts";
import type { Chat } from "../types.ts";

/** Options of listChats. */
export interface ListChatsOptions {
  /** Page size: 50 unless given, at most 1,000. */
  limit?: number;
  /** From a previous page: continue after its last chat. */
  cursor?: string;
  /** Case-insensitive search in titles and message content. */
  q?: string;
}

/** A page of chats; `cursor` is set when more may follow. */
export interface ChatPage {
  chats: Chat[];
  cursor?: string;
}

/** Default page size of listChats. */
export const DEFAULT_PAGE_SIZE = 50;

/** Largest page size of listChats. */
export const MAX_PAGE_SIZE = 1000;

/** Lists chats in order (pinned first) from the ordering index. */
export async function listChatPage(
  ctx: StoreContext,
  owner: string,
  options: ListChatsOptions,
  match?: (chats: Chat[]) => Promise<boolean[]>,
): Promise<ChatPage> {
  const asked = Math.floor(options.limit ?? DEFAULT_PAGE_SIZE);
  const limit = Number.isFinite(asked)
    ? Math.max(1, Math.min(MAX_PAGE_SIZE, asked))
    : DEFAULT_PAGE_SIZE;
  const prefix = orderPrefix(owner);
  const start = options.cursor
    ? [...prefix, ...decodeCursor(options.cursor)]
    : undefined;
  const iterator = ctx.kv.list<StoredChat>(
    start ? { prefix, start } : { prefix },
    // Without a filter, one extra entry tells whether another page exists.
    { batchSize: match ? 100 : Math.min(limit + 2, KV_MAX_BATCH_SIZE) },
  );
  const chats: Chat[] = [];
  const hidden = new Set<string>();
  let more = false;
  let group: Chat[] = [];
  const take = async () => {
    const keep = match ? await match(group) : group.map(() => true);
    for (let i = 0; i < group.length && !more; i++) {
      if (!keep[i]) continue;
      if (chats.length < limit) chats.push(group[i]);
      else more = true;
    }
    group = [];
  };
  for await (const entry of iterator) {
    if (start && sameKey(entry.key, start)) continue;
    // A further entry exists: exact for a plain listing; with a filter it
    // may turn out not to match, so the next page can be empty.
    if (chats.length >= limit) {
      more = true;
      break;
    }
    // An import not committed yet stays so for this page: one read per import.
    const importId = entry.value.importId;
    if (importId !== undefined && hidden.has(importId)) continue;
    const chat = await visibleChat(ctx, owner, entry.value);
    if (!chat) {
      if (importId !== undefined) hidden.add(importId);
      continue;
    }
    group.push(chat);
    // Filters read messages, so they run on groups concurrently.
    if (group.length >= (match ? 16 : 1)) await take();
  }
  await take();
  const last = chats.at(-1);
  return more && last
    ? { chats, cursor: encodeCursor(orderPosition(last)) }
    : { chats };
}
