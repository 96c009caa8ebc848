/** Search of an owner's chats by title and message content. */

import { readMessage } from "./message_read.ts";
import { asStoredMessage, type StoreContext } from "./context.ts";
import { messagesPrefix } from "@/lib/kv_keys.ts";
import type { Chat, ChatRef } from "../types.ts";

/**
 * Makes a filter for listChatPage: a chat matches when its title or the
 * content of one of its messages contains `q`, ignoring case. It scans
 * messages, which is acceptable for a search but not for a plain listing.
 */
export function chatMatcher(
  ctx: StoreContext,
  owner: string,
  q: string,
): (chats: Chat[]) => Promise<boolean[]> {
  const needle = q.toLowerCase();
  const matches = async (chat: Chat) =>
    chat.title.toLowerCase().includes(needle) ||
    await contentContains(ctx, { owner, chatId: chat.id }, needle);
  return (chats) => Promise.all(chats.map(matches));
}

async function contentContains(
  ctx: StoreContext,
  chat: ChatRef,
  needle: string,
): Promise<boolean> {
  const prefix = messagesPrefix(chat.owner, chat.chatId);
  const entries = ctx.kv.list({ prefix }, {
    batchSize: 500,
  });
  for await (const entry of entries) {
    const record = asStoredMessage(entry.value, entry.key);
    const content = record.content ??
      (await readMessage(ctx, chat, entry))?.content ?? "";
    if (content.toLowerCase().includes(needle)) return true;
  }
  return false;
}
