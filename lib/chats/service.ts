/**
 * What a user does to whole chats, with the rules that go with it: a new
 * chat inherits the last used settings, deleting a chat cancels its running
 * answer first, an export holds the current branch only, an import is
 * written whole or not at all. Routes call these and make the Responses.
 */
import type { ChatExport, ImportedChat } from "@/lib/transfer/types.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { currentBranch, versionChanges } from "./branch.ts";
import { draftId, isDraftId } from "./draft_ids.ts";
import { idTime } from "./ids.ts";
import { lastUsedSettings, rememberSettings } from "./owner_settings.ts";
import type { ChatStore } from "./store/mod.ts";
import { refuseWhenFull, type StorageHealth } from "@/lib/storage_health.ts";
import { OwnerLimitError, type OwnerQuota } from "./owner_quota.ts";
import type {
  Chat,
  ChatPatch,
  ChatRef,
  ChatSettings,
  Feedback,
  Message,
  MessageRef,
} from "./types.ts";

/** How the service stops a chat's running answer (the generation runner). */
export interface AnswerCanceller {
  /** Cancels the chat's running answer; true when one was running. */
  cancel(owner: string, chatId: string): Promise<boolean>;
}

/** What the chat service works with. */
export interface ChatServiceDeps {
  kv: Deno.Kv;
  store: ChatStore;
  runner: AnswerCanceller;
  /** Quotas and rates of new chats and imports; none when absent (tests). */
  quota?: OwnerQuota;
  /** Signs the ids of unsaved new chats (see draft_ids.ts); none: no drafts are stored. */
  draftKey?: CryptoKey;
  /** Refuses new chats while storage takes no new data (absent: never). */
  storage?: StorageHealth;
}

/** How long the page of an unsaved new chat may wait for its first action. */
const DRAFT_MAX_AGE_MS = 7 * 86_400_000;

/** Who acts: the owner, and the language of anything the service names. */

export interface ChatActor {
  owner: string;
  lang: Lang;
}

/** A change of one message: feedback, or making an alternative answer current. */
export interface MessageChange {
  feedback?: Feedback;
  active?: true;
}

/** The outcome of changeMessage(): the message, or why nothing changed. */
export type MessageChangeResult =
  | { ok: true; message: Message }
  | { ok: false; reason: "not_found" | "no_alternative" };

/** Chats read per page while going through every chat of an owner. */
const PAGE_SIZE = 500;

/** Cancels sent at once: each may read a lease from KV. */
const CANCELS_AT_ONCE = 16;

/** Operations on whole chats, for routes. */
export class ChatService {
  readonly #deps: ChatServiceDeps;

  constructor(deps: ChatServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Creates a chat: given settings win, then the owner's last used ones,
   * then defaults. `id` stores an unsaved new chat (`draft()`) under its id.
   */
  async create(
    actor: ChatActor,
    init: Partial<ChatSettings> & { title?: string; id?: string } = {},
  ): Promise<Chat> {
    const { kv, store, storage, quota } = this.#deps;
    if (storage) refuseWhenFull(storage, actor.lang);
    await quota?.admitChat(actor.owner, actor.lang);
    return await store.createChat(actor.owner, {
      ...await lastUsedSettings(kv, actor.owner),
      ...init,
      title: init.title ?? t(actor.lang, "chat.untitled"),
      titleFixed: init.title !== undefined,
    });
  }

  /**
   * A new chat to show before anything is stored (`GET /` of a visitor with
   * no chats); its first message or settings store it (`storeDraft()`).
   */
  async draft(actor: ChatActor): Promise<Chat> {
    const { kv, store, draftKey } = this.#deps;
    const draft = await store.draftChat(actor.owner, {
      ...await lastUsedSettings(kv, actor.owner),
      title: t(actor.lang, "chat.untitled"),
    });
    return draftKey
      ? { ...draft, id: await draftId(draftKey, actor.owner) }
      : draft;
  }

  /**
   * Stores the unsaved new chat `id` (see `draft()`) when the owner acts in
   * it; null when `id` is no draft id made for this owner in the last week,
   * or is still being purged. A chat stored meanwhile under it is returned.
   */
  async storeDraft(actor: ChatActor, id: string): Promise<Chat | null> {
    const { draftKey } = this.#deps;
    if (!draftKey || !await isDraftId(draftKey, actor.owner, id)) return null;
    const age = Date.now() - idTime(id);
    if (!(age > -60_000 && age < DRAFT_MAX_AGE_MS)) return null;
    try {
      return await this.create(actor, { id });
    } catch (error) {
      // Past a quota or rate the owner must hear why.
      if (error instanceof OwnerLimitError) throw error;
      // Taken meanwhile (the same first message twice), or being purged.
      return await this.#deps.store.getChat(actor.owner, id);
    }
  }

  /** Renames, pins or changes settings: a new title is fixed; settings are remembered. */
  async update(owner: string, chat: Chat, patch: ChatPatch): Promise<Chat> {
    const { kv, store } = this.#deps;
    const next: ChatPatch = { ...patch };
    if (patch.title !== undefined) next.titleFixed = true;
    const updated = await store.updateChat(owner, chat.id, next) ?? chat;
    await rememberSettings(kv, owner, updated, patch);
    return updated;
  }

  /** Cancels the chat's running answer, then deletes it; false when there is no such chat. */
  async delete({ owner, chatId }: ChatRef): Promise<boolean> {
    await this.#deps.runner.cancel(owner, chatId);
    return await this.#deps.store.deleteChat(owner, chatId);
  }

  /** Cancels every running answer of the owner, then deletes every chat; returns how many. */
  async deleteAll(owner: string): Promise<number> {
    const { store, runner } = this.#deps;
    // Every chat, not only those with a streaming answer stored: a turn holds
    // its chat's lease before its placeholder is written.
    let cursor: string | undefined;
    do {
      const page = await store.listChats(owner, { limit: PAGE_SIZE, cursor });
      const ids = page.chats.map((chat) => chat.id);
      for (let i = 0; i < ids.length; i += CANCELS_AT_ONCE) {
        await Promise.all(
          ids.slice(i, i + CANCELS_AT_ONCE).map((id) =>
            runner.cancel(owner, id)
          ),
        );
      }
      cursor = page.cursor;
    } while (cursor);
    return await store.deleteAllChats(owner);
  }

  /** A chat with its current branch, for a download; null when there is no such chat. */
  async export({ owner, chatId }: ChatRef): Promise<ChatExport | null> {
    const { store } = this.#deps;
    const [chat, messages] = await Promise.all([
      store.getChat(owner, chatId),
      store.listMessages(owner, chatId),
    ]);
    return chat && messages
      ? { chat, messages: currentBranch(messages) }
      : null;
  }

  /** Every chat of the owner with its current branch, in list order. */
  async exportAll(owner: string): Promise<ChatExport[]> {
    const chats: ChatExport[] = [];
    for await (const chat of this.exportEach(owner)) chats.push(chat);
    return chats;
  }

  /** exportAll's chats one at a time, read as they are asked for (a streamed download). */
  async *exportEach(owner: string): AsyncGenerator<ChatExport> {
    const { store } = this.#deps;
    let cursor: string | undefined;
    do {
      const page = await store.listChats(owner, { limit: PAGE_SIZE, cursor });
      for (const chat of page.chats) {
        // A chat deleted meanwhile lists no messages; it is left out.
        const messages = await store.listMessages(owner, chat.id);
        if (messages) yield { chat, messages: currentBranch(messages) };
      }
      cursor = page.cursor;
    } while (cursor);
  }

  /** Records feedback on a message, or makes an alternative answer the current one. */
  async changeMessage(
    ref: MessageRef,
    change: MessageChange,
  ): Promise<MessageChangeResult> {
    const { store } = this.#deps;
    const { owner, chatId, id } = ref;
    let message = await store.getMessage(owner, chatId, id);
    if (!message) return { ok: false, reason: "not_found" };
    if (change.active && !await this.#selectAlternative(ref)) {
      return { ok: false, reason: "no_alternative" };
    }
    if (change.feedback !== undefined) {
      message = await store.updateMessage(owner, chatId, id, {
        feedback: change.feedback,
      });
    } else if (change.active) {
      message = await store.getMessage(owner, chatId, id);
    }
    return message ? { ok: true, message } : { ok: false, reason: "not_found" };
  }

  /** Makes a message the current one of its group (an answer or a version); false when it has none. */
  async #selectAlternative({ owner, chatId, id }: MessageRef) {
    const { store } = this.#deps;
    const messages = (await store.listMessages(owner, chatId)) ?? [];
    const changes = versionChanges(messages, id);
    if (!changes) return false;
    for (const change of changes) {
      await store.updateMessage(owner, chatId, change.id, change.patch);
    }
    return true;
  }

  /** Counts an import against the owner's hourly rate, before its file is read. */
  async startImport(actor: ChatActor): Promise<void> {
    await this.#deps.quota?.countImport(actor.owner, actor.lang);
  }

  /** Checks that parsed chats fit the owner's quotas, counting the file's bytes; throws OwnerLimitError. */
  async checkImport(
    actor: ChatActor,
    imported: ImportedChat[],
    bytes: number,
  ): Promise<void> {
    await this.#deps.quota?.checkImport(actor.owner, actor.lang, {
      chats: imported.length,
      messages: imported.reduce((n, chat) => n + chat.messages.length, 0),
      bytes,
    });
  }

  /**
   * Writes imported chats, in order, all or nothing even across a crash:
   * they become visible in one step (see store/import.ts), or not at all.
   */
  async import(owner: string, imported: ImportedChat[]): Promise<Chat[]> {
    return await this.#deps.store.importChats(
      owner,
      imported.map((source) => ({
        init: chatInit(source),
        messages: source.messages,
      })),
    );
  }
}

/** The chat an import writes; named fields only, so source ids are not stored. */
function chatInit(source: ImportedChat) {
  const {
    settings,
    title,
    titleFixed,
    pinned,
    pinnedAt,
    createdAt,
    updatedAt,
  } = source;
  return {
    ...settings,
    title,
    titleFixed,
    pinned,
    pinnedAt,
    createdAt,
    updatedAt,
  };
}
