/**
 * The persistent chat store on Deno KV. Every method is scoped by an opaque
 * owner id: another owner's chat behaves as if it did not exist. The key
 * layout is described in keys.ts, long texts in content.ts.
 */

import { moveOwnerChats, type MoveResult, resumeMoves } from "./move_owner.ts";
import {
  type ChatPage,
  listChatPage,
  type ListChatsOptions,
} from "./chat_list.ts";
import * as chats from "./chats.ts";
import { importChats, type ImportItem } from "./import.ts";
import * as records from "./messages.ts";
import type { MessageInit, MessagePatch } from "./messages.ts";
import * as updates from "./message_update.ts";
import {
  commitTurn,
  type TurnCommitted,
  type TurnWrites,
} from "./turn_commit.ts";
import type { StreamingRef } from "./message_update.ts";
import type { Mutation } from "./kv_limits.ts";
import * as purge from "./purge.ts";
import * as garbage from "./garbage.ts";
import { migrate } from "./migrate.ts";
import { chatMatcher } from "./search.ts";
import {
  type ChatDefaults,
  type ChatStoreOptions,
  createContext,
  type StoreContext,
} from "./context.ts";
import type { Chat, ChatInit, ChatPatch, ChatRef, Message } from "../types.ts";

export type {
  ChatDefaults,
  ChatPage,
  ChatStoreOptions,
  ImportItem,
  ListChatsOptions,
  MessageInit,
  MessagePatch,
  Mutation,
  StreamingRef,
  TurnCommitted,
  TurnWrites,
};
export { InvalidCursorError } from "./order.ts";

// Ids come from callers (URLs): anything that cannot be one of ours is
// simply not found, and never reaches KV's key size limit.
const MAX_ID_LENGTH = 256;
const validId = (id: unknown): id is string =>
  typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH;

/** Chats and messages of many owners, persisted in Deno KV. */
export class ChatStore {
  readonly #ctx: StoreContext;
  #ready?: Promise<number>;

  /** Wraps an open KV; the schema version is checked on first use. */
  constructor(kv: Deno.Kv, options: ChatStoreOptions = {}) {
    this.#ctx = createContext(kv, options);
  }

  /** Brings the stored layout to the current schema version; returns it. */
  migrate(): Promise<number> {
    this.#ready ??= migrate(this.#ctx.kv).catch((error) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  async #use(owner: string): Promise<StoreContext> {
    if (
      typeof owner !== "string" || owner.length === 0 ||
      owner.length > MAX_ID_LENGTH
    ) {
      throw new TypeError(
        "Owner must be a non-empty string of at most 256 characters",
      );
    }
    await this.migrate();
    return this.#ctx;
  }

  /**
   * Creates a chat; missing settings get their defaults. With `id` (an
   * unsaved new chat's, see `draftChat()`), fails when that id is taken or
   * still being purged.
   */
  async createChat(
    owner: string,
    init: ChatInit & { defaults?: Partial<ChatDefaults>; id?: string } = {},
  ): Promise<Chat> {
    return chats.createChat(await this.#use(owner), owner, init);
  }

  /** A chat as `createChat()` would make it, with a new id, not stored. */
  async draftChat(
    owner: string,
    init: ChatInit & { defaults?: Partial<ChatDefaults> } = {},
  ): Promise<Chat> {
    const ctx = await this.#use(owner);
    return chats.buildChat(ctx, init, ctx.newId());
  }

  /** Returns a chat, or null when the owner has none with this id. */
  async getChat(owner: string, id: string): Promise<Chat | null> {
    const ctx = await this.#use(owner);
    return validId(id)
      ? (await chats.getChatEntry(ctx, owner, id)).value
      : null;
  }

  /** Lists chats, pinned first (latest pinned first), then latest updated. */
  async listChats(
    owner: string,
    options: ListChatsOptions = {},
  ): Promise<ChatPage> {
    const ctx = await this.#use(owner);
    const q = options.q?.trim();
    return listChatPage(
      ctx,
      owner,
      options,
      q ? chatMatcher(ctx, owner, q) : undefined,
    );
  }

  /** Changes a chat; null when the owner has none with this id. */
  async updateChat(
    owner: string,
    id: string,
    patch: ChatPatch,
  ): Promise<Chat | null> {
    const ctx = await this.#use(owner);
    return validId(id) ? chats.updateChat(ctx, owner, id, patch) : null;
  }

  /** Deletes a chat with all its messages; false when there is none. */
  async deleteChat(owner: string, id: string): Promise<boolean> {
    const ctx = await this.#use(owner);
    return validId(id) ? purge.deleteChat(ctx, owner, id) : false;
  }

  /**
   * Moves every chat of `from` to `to` (crash-safe, in batches): see
   * move_owner.ts. `busy` while an answer is being written in one of them.
   */
  async moveChats(from: string, to: string): Promise<MoveResult> {
    await this.#use(to);
    return moveOwnerChats(await this.#use(from), from, to);
  }

  /** Finishes moves of chats a crash interrupted. */
  async resumeMoves(): Promise<number> {
    await this.migrate();
    return resumeMoves(this.#ctx);
  }

  /** Deletes every chat of an owner; returns how many. */
  async deleteAllChats(owner: string): Promise<number> {
    return purge.deleteAllChats(await this.#use(owner), owner);
  }

  /** Writes a whole chat with its messages, all or nothing. */
  async importChat(
    owner: string,
    chat: ChatInit & { defaults?: Partial<ChatDefaults> },
    messageInits: MessageInit[],
  ): Promise<Chat> {
    const [written] = await this.importChats(owner, [
      { init: chat, messages: messageInits },
    ]);
    return written;
  }

  /** Writes chats with their messages, visible all at once or not at all. */
  async importChats(owner: string, items: ImportItem[]): Promise<Chat[]> {
    return importChats(await this.#use(owner), owner, items);
  }

  /** Messages of a chat in creation order; null when there is no such chat. */
  async listMessages(owner: string, chatId: string): Promise<Message[] | null> {
    const ctx = await this.#use(owner);
    return validId(chatId)
      ? records.listMessages(ctx, { owner, chatId })
      : null;
  }

  /** One message, or null when the chat or the message does not exist. */
  async getMessage(
    owner: string,
    chatId: string,
    id: string,
  ): Promise<Message | null> {
    const ctx = await this.#use(owner);
    return validId(chatId) && validId(id)
      ? records.getMessage(ctx, { owner, chatId, id })
      : null;
  }

  /**
   * Adds `inits` in order (at most `MAX_ADDED_AT_ONCE`) and applies
   * `chatPatch` to the chat, in one commit; null without the chat.
   */
  async addMessages(
    owner: string,
    chatId: string,
    inits: MessageInit[],
    chatPatch: Pick<ChatPatch, "title"> = {},
  ): Promise<Message[] | null> {
    const ctx = await this.#use(owner);
    const ids = inits.flatMap((init) => init.id === undefined ? [] : [init.id]);
    for (const id of ids) {
      if (!validId(id)) {
        throw new TypeError(
          "Message id must be a non-empty string of at most 256 characters",
        );
      }
    }
    if (new Set(ids).size !== ids.length) {
      throw new TypeError("Messages added at once need different ids");
    }
    if (inits.length > records.MAX_ADDED_AT_ONCE) {
      throw new RangeError(
        `At most ${records.MAX_ADDED_AT_ONCE} messages at once`,
      );
    }
    if (!validId(chatId)) return null;
    // One path for adding: a turn's commit with nothing but additions.
    const committed = await commitTurn(ctx, { owner, chatId }, {
      add: inits,
      chat: chatPatch,
    });
    return committed?.added ?? null;
  }

  /** Adds a message and bumps the chat's updatedAt; null without the chat. */
  async addMessage(
    owner: string,
    chatId: string,
    init: MessageInit,
  ): Promise<Message | null> {
    return (await this.addMessages(owner, chatId, [init]))?.[0] ?? null;
  }

  /**
   * Changes a message. A content that extends the stored one (a streaming
   * flush) rewrites only the changed tail chunks. `also` is written in the
   * same commit (the runner releases its lease with an answer's final save).
   */
  async updateMessage(
    owner: string,
    chatId: string,
    id: string,
    patch: MessagePatch,
    also: Mutation[] = [],
  ): Promise<Message | null> {
    const ctx = await this.#use(owner);
    if (!validId(chatId) || !validId(id)) return null;
    return updates.updateMessage(ctx, { owner, chatId, id }, patch, also);
  }

  /**
   * Commits a turn's writes together: `add` (at most `MAX_TURN_MESSAGES`
   * with `update`), `update`, `remove`, the `chat` patch and `also`. All of
   * it becomes visible at once or, on any failure, none of it; returns the
   * added and updated messages, or null without the chat or a message to
   * update (nothing written then).
   */
  async commitTurn(
    ref: ChatRef,
    writes: TurnWrites,
  ): Promise<TurnCommitted | null> {
    const ctx = await this.#use(ref.owner);
    const ids = [
      ...(writes.add ?? []).flatMap((m) => m.id === undefined ? [] : [m.id]),
      ...(writes.update ?? []).map((u) => u.id),
      ...(writes.remove ?? []),
    ];
    if (!ids.every(validId)) {
      throw new TypeError(
        "Message id must be a non-empty string of at most 256 characters",
      );
    }
    if (!validId(ref.chatId)) return null;
    return commitTurn(ctx, ref, writes);
  }

  /** Deletes one message; false when there is none. */
  async deleteMessage(
    owner: string,
    chatId: string,
    id: string,
  ): Promise<boolean> {
    const ctx = await this.#use(owner);
    if (!validId(chatId) || !validId(id)) return false;
    return updates.deleteMessage(ctx, { owner, chatId, id });
  }

  /** Deletes the messages after one (edit and resend); returns how many. */
  async deleteMessagesAfter(
    owner: string,
    chatId: string,
    id: string,
  ): Promise<number> {
    const ctx = await this.#use(owner);
    if (!validId(chatId) || !validId(id)) return 0;
    return updates.deleteMessagesAfter(ctx, { owner, chatId, id });
  }

  /** How many messages a chat has; null when there is no such chat. */
  async countMessages(owner: string, chatId: string): Promise<number | null> {
    const ctx = await this.#use(owner);
    return validId(chatId)
      ? records.countMessages(ctx, { owner, chatId })
      : null;
  }

  /** Messages still marked streaming: of every owner, or of one chat (repairs). */
  async listStreaming(
    chat?: { owner: string; chatId: string },
  ): Promise<StreamingRef[]> {
    await this.migrate();
    return updates.listStreaming(this.#ctx, chat);
  }

  /** Finishes interrupted deletions and stale imports; returns how many. */
  async collectGarbage(
    options: { pendingOlderThanMs?: number } = {},
  ): Promise<number> {
    await this.migrate();
    return garbage.collectGarbage(this.#ctx, options.pendingOlderThanMs);
  }
}
