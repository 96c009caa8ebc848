/**
 * Importing chats all or nothing, across a crash. An import gets an id and a
 * "staged" record; each chat is written with that id on its record and order
 * entry (so readers skip it, see import_state.ts), listed under the import,
 * in batches that yield to other requests. One atomic write then flips the
 * record to "committed" and every chat becomes visible at once. A failure
 * before that removes what was staged; a crash leaves it to collectGarbage,
 * once the import's lease has run out.
 */

import { buildChat } from "./chats.ts";
import {
  type ChatDefaults,
  compact,
  type StoreContext,
  type StoredMessage,
} from "./context.ts";
import {
  chatKey,
  countKey,
  importChatKey,
  importChatsPrefix,
  importKey,
  messageKey,
  streamingKey,
} from "@/lib/kv_keys.ts";
import { commitInBatches, deletePrefix, type Mutation } from "./kv_limits.ts";
import { type MessageInit, planTexts } from "./messages.ts";
import { orderKey } from "./order.ts";
import { abandonImport } from "./import_abandon.ts";
import {
  IMPORT_LEASE_MS,
  type ImportRecord,
  type StoredChat,
} from "./import_state.ts";
import type { Chat, ChatInit } from "../types.ts";

/** One chat of an import: its settings and its messages in order. */
export interface ImportItem {
  init: ChatInit & { defaults?: Partial<ChatDefaults> };
  messages: MessageInit[];
}

/** Thrown when an import was judged abandoned and removed while it ran. */
export class ImportAbandonedError extends Error {
  override name = "ImportAbandonedError";
  constructor(id: string) {
    super(`Import ${id} was removed as abandoned before it was committed`);
  }
}

// Mutations gathered before a write: a few KV batches, then a pause.
const STAGE_MUTATIONS = 2_000;

/**
 * Writes chats with their messages, visible all at once, and returns them in
 * the given order. Messages get fresh ids in their given order; their
 * createdAt and the chats' timestamps are kept when given.
 */
export async function importChats(
  ctx: StoreContext,
  owner: string,
  items: ImportItem[],
): Promise<Chat[]> {
  const importId = ctx.newId();
  const lease = new ImportLease(ctx, owner, importId);
  await lease.begin();
  const chats: Chat[] = [];
  try {
    let pending: Mutation[] = [];
    for (const item of items) {
      const chat = buildChat(ctx, item.init, ctx.newId());
      chats.push(chat);
      pending.push(...stagedChat(ctx, owner, importId, chat, item.messages));
      if (pending.length >= STAGE_MUTATIONS) {
        await lease.write(pending);
        pending = [];
      }
    }
    await lease.write(pending);
    await lease.commit();
  } catch (error) {
    await abandonImport(ctx, owner, importId).catch((cleanup) =>
      // The collector removes it later: it stays invisible meanwhile.
      console.error(`Could not remove the staged import ${importId}:`, cleanup)
    );
    throw error;
  }
  // The list of staged chats is only needed to remove an unfinished import.
  await deletePrefix(ctx.kv, importChatsPrefix(owner, importId)).catch(
    () => {},
  );
  return chats;
}

/** The mutations that stage one chat: its listing first, so a crash never leaves data unlisted. */
function stagedChat(
  ctx: StoreContext,
  owner: string,
  importId: string,
  chat: Chat,
  messages: MessageInit[],
): Mutation[] {
  const now = ctx.now().toISOString();
  const mutations: Mutation[] = [
    { key: importChatKey(owner, importId, chat.id), value: true },
  ];
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
  const stored: StoredChat = { ...chat, importId };
  mutations.push({ key: countKey(owner, chat.id), value: messages.length });
  mutations.push({ key: chatKey(owner, chat.id), value: stored });
  mutations.push({ key: orderKey(owner, chat), value: stored });
  return mutations;
}

/** The import's record while it is written: renewed as it goes, flipped at the end. */
class ImportLease {
  #stamp: string | null = null;
  #renewedAt = 0;
  constructor(
    readonly ctx: StoreContext,
    readonly owner: string,
    readonly id: string,
  ) {}

  async begin(): Promise<void> {
    await this.#put("staged", null);
  }

  /** Writes staged mutations, renewing the lease first when it is getting old. */
  async write(mutations: Mutation[]): Promise<void> {
    if (Date.now() - this.#renewedAt > IMPORT_LEASE_MS / 3) {
      await this.#put("staged", this.#stamp);
    }
    await commitInBatches(this.ctx.kv, mutations);
    // Other requests get their turn between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** The one write that makes every staged chat visible. */
  async commit(): Promise<void> {
    await this.#put("committed", this.#stamp);
  }

  async #put(status: ImportRecord["status"], stamp: string | null) {
    const now = this.ctx.now();
    const record: ImportRecord = {
      status,
      startedAt: now.toISOString(),
      aliveUntil: new Date(now.getTime() + IMPORT_LEASE_MS).toISOString(),
    };
    const key = importKey(this.owner, this.id);
    const result = await this.ctx.kv.atomic()
      .check({ key, versionstamp: stamp })
      .set(key, record)
      .commit();
    if (!result.ok) throw new ImportAbandonedError(this.id);
    this.#stamp = result.versionstamp;
    this.#renewedAt = Date.now();
  }
}
