/**
 * Chat records and their ordering index entries: build, create, read and
 * update. A record and its index entry always change in one atomic
 * operation, guarded by the record's versionstamp.
 */

import { chatKey, trashKey } from "@/lib/kv_keys.ts";
import { DEFAULT_PERSONA } from "../personas.ts";
import { orderKey } from "./order.ts";
import type { Mutation } from "./kv_limits.ts";
import { type StoredChat, visibleEntry } from "./import_state.ts";
import {
  type ChatDefaults,
  compact,
  retry,
  type StoreContext,
} from "./context.ts";
import {
  type Chat,
  type ChatInit,
  type ChatPatch,
  CONTEXT_MESSAGES_DEFAULT,
  TEMPERATURE_DEFAULT,
} from "../types.ts";

/** Builds a full chat from what the caller gave and the defaults. */
export function buildChat(
  ctx: StoreContext,
  init: ChatInit & { defaults?: Partial<ChatDefaults> },
  id: string,
): Chat {
  const title = init.title ?? init.defaults?.title ?? ctx.defaults.title;
  const model = init.model ?? init.defaults?.model ?? ctx.defaults.model;
  if (title === undefined || model === undefined) {
    throw new TypeError(
      "A new chat needs a title and a model, or defaults for them",
    );
  }
  const now = ctx.now().toISOString();
  const createdAt = init.createdAt ?? now;
  return {
    id,
    title,
    titleFixed: init.titleFixed ?? false,
    pinned: init.pinned ?? false,
    // An imported chat keeps when it was pinned, so it sorts as before.
    ...(init.pinned ? { pinnedAt: init.pinnedAt ?? now } : {}),
    model,
    persona: init.persona ?? DEFAULT_PERSONA,
    systemPrompt: init.systemPrompt ?? "",
    temperature: init.temperature ?? TEMPERATURE_DEFAULT,
    contextMessages: init.contextMessages ?? CONTEXT_MESSAGES_DEFAULT,
    createdAt,
    updatedAt: init.updatedAt ?? createdAt,
  };
}

/** Mutations that replace chat `before` (null: none yet) with `after`. */
export function chatMutations(
  owner: string,
  before: Chat | null,
  after: Chat,
): Mutation[] {
  const mutations: Mutation[] = [];
  const next = orderKey(owner, after);
  if (before) {
    const previous = orderKey(owner, before);
    if (!sameKey(previous, next)) {
      mutations.push({ key: previous, delete: true });
    }
  }
  mutations.push({ key: chatKey(owner, after.id), value: after });
  mutations.push({ key: next, value: after });
  return mutations;
}

/** Creates a chat and returns it. */
export async function createChat(
  ctx: StoreContext,
  owner: string,
  init: ChatInit & { defaults?: Partial<ChatDefaults>; id?: string },
): Promise<Chat> {
  const chat = buildChat(ctx, init, init.id ?? ctx.newId());
  const op = ctx.kv.atomic().check({
    key: chatKey(owner, chat.id),
    versionstamp: null,
  });
  // A chosen id (an unsaved new chat's) must not be one still being purged.
  if (init.id) op.check({ key: trashKey(owner, chat.id), versionstamp: null });
  for (const m of chatMutations(owner, null, chat)) {
    if ("value" in m) op.set(m.key, m.value);
  }
  const result = await op.commit();
  if (!result.ok) throw new Error(`A chat with id ${chat.id} already exists`);
  return chat;
}

/** Reads a chat entry; null value when absent or not visible yet (import). */
export async function getChatEntry(
  ctx: StoreContext,
  owner: string,
  id: string,
): Promise<Deno.KvEntryMaybe<Chat>> {
  const entry = await ctx.kv.get<StoredChat>(chatKey(owner, id));
  return await visibleEntry(ctx, owner, entry);
}

/**
 * Applies a patch: pinning stamps pinnedAt, unpinning clears it, and
 * updatedAt moves to now unless the patch sets it.
 */
export function patchChat(
  ctx: StoreContext,
  chat: Chat,
  patch: ChatPatch,
): Chat {
  const now = ctx.now().toISOString();
  const next: Chat = { ...chat, ...compact(patch) };
  if (patch.pinned === true && !chat.pinned) next.pinnedAt = now;
  if (patch.pinned === false) delete next.pinnedAt;
  next.updatedAt = patch.updatedAt ?? now;
  return next;
}

/** Updates a chat; null when the owner has no such chat. */
export async function updateChat(
  ctx: StoreContext,
  owner: string,
  id: string,
  patch: ChatPatch,
): Promise<Chat | null> {
  return await retry("update the chat", async () => {
    const entry = await getChatEntry(ctx, owner, id);
    if (!entry.value) return null;
    const next = patchChat(ctx, entry.value, patch);
    const op = ctx.kv.atomic().check(entry);
    for (const m of chatMutations(owner, entry.value, next)) {
      if ("delete" in m) op.delete(m.key);
      else op.set(m.key, m.value);
    }
    return (await op.commit()).ok ? next : undefined;
  });
}

/** Tells whether two KV keys are equal. */
export function sameKey(a: Deno.KvKey, b: Deno.KvKey): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}
