/** Removing the staged data of an import that was not committed. */

import type { StoreContext } from "./context.ts";
import { chatKey, importChatsPrefix, importKey } from "@/lib/kv_keys.ts";
import { orderKey } from "./order.ts";
import { purgeChatData } from "./purge.ts";
import type { ImportRecord, StoredChat } from "./import_state.ts";

/**
 * Removes an import that was not committed: marks it aborted (so a late
 * commit fails), then deletes each staged chat and finally the record.
 * Does nothing to a committed import.
 */
export async function abandonImport(
  ctx: StoreContext,
  owner: string,
  importId: string,
): Promise<boolean> {
  const key = importKey(owner, importId);
  const entry = await ctx.kv.get<ImportRecord>(key);
  if (entry.value?.status === "committed") return false;
  if (entry.value && entry.value.status !== "aborted") {
    const result = await ctx.kv.atomic().check(entry)
      .set(key, { ...entry.value, status: "aborted" }).commit();
    if (!result.ok) return false;
  }
  const listed = ctx.kv.list({ prefix: importChatsPrefix(owner, importId) });
  for await (const { key: listing } of listed) {
    const chatId = listing[listing.length - 1] as string;
    const chat = await ctx.kv.get<StoredChat>(chatKey(owner, chatId));
    if (chat.value && chat.value.importId !== importId) {
      await ctx.kv.delete(listing); // Not staged data: never touched.
      continue;
    }
    if (chat.value) {
      await ctx.kv.atomic().check(chat).delete(chat.key)
        .delete(orderKey(owner, chat.value)).commit();
    }
    await purgeChatData(ctx, owner, chatId);
    await ctx.kv.delete(listing);
  }
  await ctx.kv.delete(key);
  return true;
}
