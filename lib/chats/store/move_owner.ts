/**
 * Moves every chat of one owner to another (an anonymous browser's chats
 * into the account it signs in to), crash-safe and in batches of any size.
 * Per chat: its messages, content chunks and counter are copied to the new
 * owner first (invisible there: no chat record yet); then one atomic
 * commit, guarded by the chat record's versionstamp, writes the new record
 * and index entry and deletes the old ones, so the chat is in exactly one
 * list at every moment; then the old copies are deleted. A move record
 * under the old owner names the new one until the move is done, so a
 * crash anywhere is finished by running the move again (`resumeMoves`).
 */
import {
  chatContentPrefix,
  chatKey,
  chatsPrefix,
  chatStreamingPrefix,
  countKey,
  generationLeaseKey,
  messagesPrefix,
  ownerMoveKey,
  ownerSettingsKey,
} from "@/lib/kv_keys.ts";
import type { StoreContext } from "./context.ts";
import { type StoredChat, visibleChat } from "./import_state.ts";
import { commitInBatches, type Mutation } from "./kv_limits.ts";
import { orderKey } from "./order.ts";

/** The outcome of a move: how many chats moved, or that an answer still runs. */
export type MoveResult = { moved: number } | { busy: true };

/** Rewrites `key` of `from` (owner second) to `to`. */
const rekey = (key: Deno.KvKey, to: string): Deno.KvKey => [
  key[0],
  to,
  ...key.slice(2),
];

async function listAll(ctx: StoreContext, prefix: Deno.KvKey) {
  const out: Deno.KvEntry<unknown>[] = [];
  for await (const entry of ctx.kv.list({ prefix })) out.push(entry);
  return out;
}

/** The keys of one chat besides its record and index entry. */
async function chatData(ctx: StoreContext, owner: string, chatId: string) {
  const [messages, content, count] = await Promise.all([
    listAll(ctx, messagesPrefix(owner, chatId)),
    listAll(ctx, chatContentPrefix(owner, chatId)),
    ctx.kv.get(countKey(owner, chatId)),
  ]);
  return count.value === null
    ? [...messages, ...content]
    : [...messages, ...content, count as Deno.KvEntry<unknown>];
}

/** Whether an answer is being written in the chat (here or on another instance). */
async function answering(ctx: StoreContext, owner: string, chatId: string) {
  const [lease, marks] = await Promise.all([
    ctx.kv.get(generationLeaseKey(owner, chatId)),
    listAll(ctx, chatStreamingPrefix(owner, chatId)),
  ]);
  return lease.value !== null || marks.length > 0;
}

/** Moves one chat; false when its record changed meanwhile (try again). */
async function moveChat(
  ctx: StoreContext,
  entry: Deno.KvEntry<StoredChat>,
  from: string,
  to: string,
): Promise<boolean> {
  const chat = await visibleChat(ctx, from, entry.value);
  if (!chat) return true; // an import not committed: it stays and is collected
  const data = await chatData(ctx, from, chat.id);
  await commitInBatches(
    ctx.kv,
    data.map((e): Mutation => ({ key: rekey(e.key, to), value: e.value })),
  );
  const flipped = await ctx.kv.atomic().check(entry)
    .set(chatKey(to, chat.id), chat)
    .set(orderKey(to, chat), chat)
    .delete(chatKey(from, chat.id))
    .delete(orderKey(from, entry.value))
    .commit();
  if (!flipped.ok) return false;
  await dropLeftovers(ctx, from, chat.id);
  return true;
}

/** Deletes what a moved chat left under its old owner. */
async function dropLeftovers(ctx: StoreContext, from: string, chatId: string) {
  const data = await chatData(ctx, from, chatId);
  await commitInBatches(
    ctx.kv,
    data.map((e): Mutation => ({ key: e.key, delete: true })),
  );
}

/** Finishes chats a crashed move flipped but did not clean: their data under `from` without a record. */
async function dropOrphans(ctx: StoreContext, from: string, to: string) {
  const seen = new Set<string>();
  for await (const entry of ctx.kv.list({ prefix: ["message_count", from] })) {
    seen.add(String(entry.key[2]));
  }
  for await (const entry of ctx.kv.list({ prefix: ["messages", from] })) {
    seen.add(String(entry.key[2]));
  }
  for (const chatId of seen) {
    const [old, moved] = await Promise.all([
      ctx.kv.get(chatKey(from, chatId)),
      ctx.kv.get(chatKey(to, chatId)),
    ]);
    if (old.value === null && moved.value !== null) {
      await dropLeftovers(ctx, from, chatId);
    }
  }
}

/**
 * Moves every visible chat of `from` to `to`, and `from`'s chat settings
 * when `to` has none. Refuses (`busy`) before moving anything while an
 * answer is being written in one of them.
 */
export async function moveOwnerChats(
  ctx: StoreContext,
  from: string,
  to: string,
): Promise<MoveResult> {
  if (from === to) return { moved: 0 };
  const entries = await listAll(ctx, chatsPrefix(from)) as Deno.KvEntry<
    StoredChat
  >[];
  for (const entry of entries) {
    if (await answering(ctx, from, entry.value.id)) return { busy: true };
  }
  await ctx.kv.set(ownerMoveKey(from), {
    to,
    startedAt: ctx.now().toISOString(),
  });
  let moved = 0;
  for (let entry of entries) {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await moveChat(ctx, entry, from, to)) break;
      const fresh = await ctx.kv.get<StoredChat>(entry.key);
      if (!fresh.value) break; // deleted meanwhile
      entry = fresh as Deno.KvEntry<StoredChat>;
    }
    if ((await ctx.kv.get(chatKey(to, entry.value.id))).value) moved++;
  }
  await dropOrphans(ctx, from, to);
  const [settings, theirs] = await Promise.all([
    ctx.kv.get(ownerSettingsKey(from)),
    ctx.kv.get(ownerSettingsKey(to)),
  ]);
  const op = ctx.kv.atomic().delete(ownerMoveKey(from));
  if (settings.value !== null && theirs.value === null) {
    op.check(theirs).set(ownerSettingsKey(to), settings.value);
  }
  await op.commit();
  return { moved };
}

/** Finishes every move a crash interrupted; returns how many. */
export async function resumeMoves(ctx: StoreContext): Promise<number> {
  let resumed = 0;
  for await (
    const entry of ctx.kv.list<{ to: string }>({ prefix: ["owner_moves"] })
  ) {
    await moveOwnerChats(ctx, String(entry.key[1]), entry.value.to);
    resumed++;
  }
  return resumed;
}
