/**
 * What the store's operations share: the KV handle, clock, id source,
 * chunking settings, and the shape of stored message records.
 */

import {
  type ContentRef,
  DEFAULT_CHUNK_SIZE,
  isContentRef,
} from "./content.ts";
import { type StoredText, TextCache } from "./content_write.ts";
import { newId } from "../ids.ts";
import type { TextField } from "@/lib/kv_keys.ts";
import type { Message, MessageRef } from "../types.ts";

/** Title and model a new chat gets when it is created without them. */
export interface ChatDefaults {
  title: string;
  model: string;
}

/** Settings and handles every store operation receives. */
export interface StoreContext {
  kv: Deno.Kv;
  now: () => Date;
  newId: () => string;
  /** Chunk size of long texts, in UTF-16 units. */
  chunkSize: number;
  /** Longest text kept inside the message record, in UTF-16 units. */
  inlineMax: number;
  cache: TextCache;
  defaults: Partial<ChatDefaults>;
  /** Imports known to be committed, as JSON `[owner, importId]`. */
  committedImports: Set<string>;
}

/** Options of a ChatStore; the defaults suit production. */
export interface ChatStoreOptions {
  /** Title and model of chats created without them. */
  defaults?: Partial<ChatDefaults>;
  /** Clock for timestamps. */
  now?: () => Date;
  /** Id source for chats, messages and content versions. */
  newId?: () => string;
  /** Chunk size of long texts in UTF-16 units: 2 to 32,000. */
  chunkSize?: number;
  /** Longest text kept inside a message record, in UTF-16 units: up to 12,000. */
  inlineMax?: number;
  /** How many messages' long texts to keep in memory for streaming flushes. */
  cacheSize?: number;
}

/** Checks the options and builds the context the operations share. */
export function createContext(
  kv: Deno.Kv,
  options: ChatStoreOptions,
): StoreContext {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  // Two inline texts of 12,000 units (2 bytes each) and the other fields
  // must fit one 64 KiB value; a chunk of 32,001 units must too.
  const inlineMax = options.inlineMax ?? 8_192;
  if (!(Number.isInteger(chunkSize) && chunkSize >= 2 && chunkSize <= 32_000)) {
    throw new RangeError(
      `Chunk size must be an integer from 2 to 32000, not ${chunkSize}`,
    );
  }
  if (!(Number.isInteger(inlineMax) && inlineMax >= 0 && inlineMax <= 12_000)) {
    throw new RangeError(
      `Inline limit must be an integer from 0 to 12000, not ${inlineMax}`,
    );
  }
  return {
    kv,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? newId,
    chunkSize,
    inlineMax,
    cache: new TextCache(options.cacheSize ?? 32),
    defaults: options.defaults ?? {},
    committedImports: new Set(),
  };
}

/** A message as stored: long texts are replaced by references to chunks. */
export type StoredMessage = Omit<Message, "content" | "reasoning"> & {
  content?: string;
  contentRef?: ContentRef;
  reasoning?: string;
  reasoningRef?: ContentRef;
};

/** The text fields, in the order they are handled. */
export const TEXT_FIELDS: readonly TextField[] = ["content", "reasoning"];

// Concurrent writers make a check fail; a few rounds settle any real race.
const MAX_ATTEMPTS = 20;

/** Runs `attempt` until it returns something other than undefined. */
export async function retry<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const result = await attempt();
    if (result !== undefined) return result;
  }
  throw new Error(`Could not ${what}: it kept changing concurrently`);
}

/** A copy of `value` without its undefined properties. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** Name of the record property that points at a field's chunks. */
export const refOf = (field: TextField) => `${field}Ref` as const;

/** Cache key of a message. */
export function cacheKey({ owner, chatId, id }: MessageRef): string {
  return JSON.stringify([owner, chatId, id]);
}

/** How a field of a stored record keeps its text, or null if absent. */
export function storedText(
  record: StoredMessage,
  field: TextField,
): StoredText | null {
  const ref = record[refOf(field)];
  if (ref) return { ref };
  const inline = record[field];
  return inline === undefined ? null : { inline };
}

/** Sets a field of a record to its stored form (null removes it). */
export function setStoredText(
  record: StoredMessage,
  field: TextField,
  stored: StoredText | null,
): void {
  delete record[field];
  delete record[refOf(field)];
  if (stored && "ref" in stored) record[refOf(field)] = stored.ref;
  else if (stored) record[field] = stored.inline;
}

/** Checks that a stored value is a message record; throws if it is not. */
export function asStoredMessage(
  value: unknown,
  key: Deno.KvKey,
): StoredMessage {
  const record = value as StoredMessage;
  const ok = typeof value === "object" && value !== null &&
    typeof record.id === "string" && typeof record.role === "string" &&
    typeof record.status === "string" &&
    (typeof record.content === "string" || isContentRef(record.contentRef)) &&
    (record.reasoningRef === undefined || isContentRef(record.reasoningRef));
  if (!ok) {
    throw new Error(`Stored message at ${JSON.stringify(key)} is malformed`);
  }
  return record;
}
