/**
 * Reading message records back into Messages, with the chunked texts
 * loaded from KV or, for a record this store just wrote, from its cache.
 */

import { ContentMissingError, readChunks } from "./content.ts";
import type { TextMap } from "./content_write.ts";
import { versionPrefix } from "@/lib/kv_keys.ts";
import {
  asStoredMessage,
  cacheKey,
  refOf,
  type StoreContext,
  type StoredMessage,
  TEXT_FIELDS,
} from "./context.ts";
import type { ChatRef, Message, MessageRef } from "../types.ts";

/** A message record as read, with the full texts of its chunked fields. */
export interface LoadedMessage {
  entry: Deno.KvEntry<StoredMessage>;
  record: StoredMessage;
  texts: TextMap;
}

/**
 * Reads a message entry with its chunked texts (from the cache when the
 * record is unchanged). When chunks vanish because a writer replaced the
 * text meanwhile, it re-reads the record; null once the message is gone.
 */
export async function loadMessage(
  ctx: StoreContext,
  chat: ChatRef,
  entry: Deno.KvEntryMaybe<unknown>,
): Promise<LoadedMessage | null> {
  for (let attempt = 0;; attempt++) {
    if (entry.value === null) return null;
    const record = asStoredMessage(entry.value, entry.key);
    try {
      const texts = await loadTexts(ctx, chat, record, entry.versionstamp);
      return { entry: entry as Deno.KvEntry<StoredMessage>, record, texts };
    } catch (error) {
      if (!(error instanceof ContentMissingError)) throw error;
      const again = await ctx.kv.get(entry.key);
      if (again.versionstamp === entry.versionstamp || attempt >= 5) {
        throw new Error(
          `Message ${record.id} has damaged content: ${error.message}`,
        );
      }
      entry = again;
    }
  }
}

/** Reads a message entry into a Message; null once it is gone. */
export async function readMessage(
  ctx: StoreContext,
  chat: ChatRef,
  entry: Deno.KvEntryMaybe<unknown>,
): Promise<Message | null> {
  const loaded = await loadMessage(ctx, chat, entry);
  return loaded && toMessage(loaded.record, loaded.texts);
}

/** Loads the chunked texts of a record. */
export async function loadTexts(
  ctx: StoreContext,
  chat: ChatRef,
  record: StoredMessage,
  stamp: string,
): Promise<TextMap> {
  const ref: MessageRef = { ...chat, id: record.id };
  const cached = ctx.cache.get(cacheKey(ref), stamp);
  const texts: TextMap = {};
  await Promise.all(TEXT_FIELDS.map(async (field) => {
    const content = record[refOf(field)];
    if (!content) return;
    texts[field] = cached?.[field] ?? await readChunks(
      ctx.kv,
      versionPrefix(ref, field, content.version),
      content,
    );
  }));
  return texts;
}

/** Turns a record and its loaded long texts into a Message. */
export function toMessage(record: StoredMessage, texts: TextMap): Message {
  const { contentRef: _c, reasoningRef: _r, ...rest } = record;
  const message: Message = {
    ...rest,
    content: texts.content ?? record.content ?? "",
  };
  const reasoning = texts.reasoning ?? record.reasoning;
  if (reasoning !== undefined) message.reasoning = reasoning;
  return message;
}
