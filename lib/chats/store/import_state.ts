/**
 * The state of one import, which decides whether its chats are visible.
 * Every chat an import writes carries its `importId`; such a chat is visible
 * only once the import's record says "committed". That record flips in one
 * atomic write, so an import of any size becomes visible whole or not at all,
 * and a crash before the flip leaves only invisible data for collectGarbage.
 */

import { importKey } from "@/lib/kv_keys.ts";
import type { StoreContext } from "./context.ts";
import type { Chat } from "../types.ts";

/** An import's state: staged while it writes, committed once visible. */
export interface ImportRecord {
  status: "staged" | "committed" | "aborted";
  startedAt: string;
  /** Until when the importing process vouches for it; renewed as it writes. */
  aliveUntil: string;
}

/** How long an import stays alive without renewal: a dead importer's data goes after it. */
export const IMPORT_LEASE_MS = 30_000;

/** A chat record as stored: an imported one names its import. */
export type StoredChat = Chat & { importId?: string };

// Committed imports never go back, so each process remembers them; a few
// thousand ids are kilobytes, and forgetting only costs a read.
const MAX_REMEMBERED = 10_000;

/** Tells whether an owner's import is committed (remembered once it is). */
export async function importCommitted(
  ctx: StoreContext,
  owner: string,
  importId: string,
): Promise<boolean> {
  const id = JSON.stringify([owner, importId]);
  if (ctx.committedImports.has(id)) return true;
  const record = await ctx.kv.get<ImportRecord>(importKey(owner, importId));
  if (record.value?.status !== "committed") return false;
  if (ctx.committedImports.size >= MAX_REMEMBERED) ctx.committedImports.clear();
  ctx.committedImports.add(id);
  return true;
}

/**
 * The chat as callers see it: null while its import is not committed, and
 * without the `importId` (so a later update stores it without one).
 */
export async function visibleChat(
  ctx: StoreContext,
  owner: string,
  stored: StoredChat | null,
): Promise<Chat | null> {
  if (!stored) return null;
  if (stored.importId === undefined) return stored;
  const { importId, ...chat } = stored;
  return await importCommitted(ctx, owner, importId) ? chat : null;
}

/** A KV entry of a chat record with its value replaced by visibleChat's. */
export async function visibleEntry(
  ctx: StoreContext,
  owner: string,
  entry: Deno.KvEntryMaybe<StoredChat>,
): Promise<Deno.KvEntryMaybe<Chat>> {
  const value = await visibleChat(ctx, owner, entry.value);
  return value
    ? { ...entry as Deno.KvEntry<StoredChat>, value }
    : { key: entry.key, value: null, versionstamp: null };
}
