/**
 * Deleting chats. A chat disappears in one atomic step (record and order
 * entry removed, a trash mark written); its messages and chunks are purged
 * afterwards in batches, and collectGarbage finishes purges that a crash cut
 * short, as well as imports that never became visible.
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
  pendingPrefix,
  trashKey,
  trashPrefix,
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

/**
 * Finishes interrupted purges, and removes imports left pending for longer
 * than `pendingOlderThanMs` (a younger one may still be running). Returns
 * how many chats it cleaned up.
 */
export async function collectGarbage(
  ctx: StoreContext,
  pendingOlderThanMs = 3_600_000,
): Promise<number> {
  const cutoff = ctx.now().getTime() - pendingOlderThanMs;
  const victims: [string, string][] = [];
  for await (const entry of ctx.kv.list<string>({ prefix: trashPrefix() })) {
    victims.push([entry.key[1] as string, entry.key[2] as string]);
  }
  for await (const entry of ctx.kv.list<string>({ prefix: pendingPrefix() })) {
    const since = Date.parse(entry.value);
    if (!(since > cutoff)) {
      victims.push([entry.key[1] as string, entry.key[2] as string]);
    }
  }
  for (const [owner, id] of victims) await purgeChatData(ctx, owner, id);
  return victims.length;
}
