/**
 * The reads and removals of `commitTurn()` (turn_commit.ts): the messages
 * a turn names, read `KV_MAX_GET_MANY` at a time, and a removal too large
 * for the turn's commit, done newest first beforehand.
 */

import { countKey, messageContentPrefix, streamingKey } from "@/lib/kv_keys.ts";
import type { ChatRef } from "../types.ts";
import {
  applyMutations,
  deletePrefix,
  KV_MAX_GET_MANY,
  type Mutation,
  planBatches,
} from "./kv_limits.ts";
import { cacheKey, retry, type StoreContext } from "./context.ts";

/** Reads `keys`, `KV_MAX_GET_MANY` at a time. */
export async function readAll(
  kv: Deno.Kv,
  keys: Deno.KvKey[],
): Promise<Deno.KvEntryMaybe<unknown>[]> {
  const reads = [];
  for (let i = 0; i < keys.length; i += KV_MAX_GET_MANY) {
    reads.push(kv.getMany(keys.slice(i, i + KV_MAX_GET_MANY)));
  }
  return (await Promise.all(reads)).flat();
}

/** The deletes of a message record and its streaming mark. */
export function removalOf(entry: Deno.KvEntryMaybe<unknown>): Mutation[] {
  const [, owner, chatId, id] = entry.key as string[];
  return [
    { key: entry.key, delete: true },
    { key: streamingKey(owner, chatId, id), delete: true },
  ];
}

/** Deletes `entries` newest first, in commits that each fit, with the count. */
export async function removeNewestFirst(
  ctx: StoreContext,
  ref: ChatRef,
  entries: Deno.KvEntryMaybe<unknown>[],
): Promise<void> {
  const { owner, chatId } = ref;
  const deletes = entries.toReversed().flatMap(removalOf);
  for (const batch of planBatches(deletes)) {
    if (batch.length === 0) continue;
    const removed = batch.filter((m) => m.key[0] === "messages").length;
    await retry("remove the messages", async () => {
      const count = await ctx.kv.get<number>(countKey(owner, chatId));
      const op = applyMutations(ctx.kv.atomic().check(count), batch)
        .set(count.key, Math.max(0, (count.value ?? 0) - removed));
      return (await op.commit()).ok ? true : undefined;
    });
  }
  await purgeTexts(ctx, ref, entries);
}

/** Forgets and purges the chunks of removed messages. */
export async function purgeTexts(
  ctx: StoreContext,
  ref: ChatRef,
  entries: Deno.KvEntryMaybe<unknown>[],
): Promise<void> {
  const { owner, chatId } = ref;
  for (const entry of entries) {
    const id = entry.key[3] as string;
    ctx.cache.delete(cacheKey({ owner, chatId, id }));
    try {
      await deletePrefix(ctx.kv, messageContentPrefix(owner, chatId, id));
    } catch (error) {
      // The records are gone: leftover chunks are only wasted space.
      console.warn(`Could not delete the chunks of message ${id}:`, error);
    }
  }
}
