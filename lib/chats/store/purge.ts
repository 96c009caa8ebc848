/**
 * Deleting chats. A chat disappears in one atomic step (record and order
 * entry removed, a trash mark written); its messages and chunks are purged
 * afterwards in batches, and collectGarbage (garbage.ts) finishes purges that
 * a crash cut short.
 */

import { getChatEntry } from "./chats.ts";
import { retry, type StoreContext } from "./context.ts";
import {
  chatContentPrefix,
  chatsPrefix,
  chatStreamingPrefix,
  countKey,
  messagesPrefix,
  pendingKey,
  trashKey,
} from "@/lib/kv_keys.ts";
import { deletePrefix } from "./kv_limits.ts";
import { orderKey } from "./order.ts";

/** Deletes a chat and everything in it; false when the owner has none. */
export async function deleteChat(
  ctx: StoreContext,
  owner: string,
  id: string,
): Promise<boolean> {
  const removed = await retry("delete the chat", async () => {
    const entry = await getChatEntry(ctx, owner, id);
    if (!entry.value) return false;
    const result = await ctx.kv.atomic().check(entry)
      .delete(entry.key)
      .delete(orderKey(owner, entry.value))
      .set(trashKey(owner, id), ctx.now().toISOString())
      .commit();
    return result.ok ? true : undefined;
  });
  if (removed) await purgeChatData(ctx, owner, id);
  return removed;
}

/** Deletes every key of a chat except its record and order entry. */
export async function purgeChatData(
  ctx: StoreContext,
  owner: string,
  id: string,
): Promise<void> {
  // Records go first so that readers stop finding messages before their
  // chunks go; the marks go last so an interrupted purge is resumed.
  await deletePrefix(ctx.kv, messagesPrefix(owner, id));
  await deletePrefix(ctx.kv, chatStreamingPrefix(owner, id));
  await deletePrefix(ctx.kv, chatContentPrefix(owner, id));
  await ctx.kv.atomic()
    .delete(countKey(owner, id))
    .delete(trashKey(owner, id))
    .delete(pendingKey(owner, id))
    .commit();
}

/** Deletes every chat of an owner; returns how many were deleted. */
export async function deleteAllChats(
  ctx: StoreContext,
  owner: string,
): Promise<number> {
  const ids: string[] = [];
  for await (const entry of ctx.kv.list({ prefix: chatsPrefix(owner) })) {
    ids.push(entry.key[entry.key.length - 1] as string);
  }
  let deleted = 0;
  // A few at a time: enough to hide latency, few enough not to flood KV.
  for (let i = 0; i < ids.length; i += 8) {
    const results = await Promise.all(
      ids.slice(i, i + 8).map((id) => deleteChat(ctx, owner, id)),
    );
    deleted += results.filter(Boolean).length;
  }
  return deleted;
}
