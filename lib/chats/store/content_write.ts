/**
 * Planning and committing writes of message text that may be chunked
 * (see content.ts), plus a small cache of recently written long texts so
 * that a streaming flush need not read the whole old text back from KV.
 */

import { chunkStarts, type ContentRef, firstChangedChunk } from "./content.ts";
import type { TextField } from "@/lib/kv_keys.ts";
import {
  applyMutations,
  commitInBatches,
  deletePrefix,
  keyBytes,
  type Mutation,
  mutationBytes,
  planBatches,
} from "./kv_limits.ts";

/** How one text field is kept in a message record. */
export type StoredText = { inline: string } | { ref: ContentRef };

/** The writes that change one text field of a message. */
export interface TextWrite {
  field: TextField;
  /** The field's new form in the record; null removes the field. */
  stored: StoredText | null;
  /** Chunk sets, in index order. */
  chunks: Mutation[];
  /** A new version prefix: deleted again if the record commit fails. */
  created?: Deno.KvKey;
  /** The replaced version prefix: deleted once the record commit succeeds. */
  obsolete?: Deno.KvKey;
}

/** What planText needs to know. */
export interface TextPlanInput {
  field: TextField;
  /** Builds the key prefix of a version of this field. */
  prefix: (version: string) => Deno.KvKey;
  old: StoredText | null;
  /** The full old text; needed to detect an append to a chunked text. */
  oldText?: string;
  /** The new text; undefined removes the field. */
  text: string | undefined;
  chunkSize: number;
  inlineMax: number;
  newVersion: () => string;
}

/**
 * Plans the writes that store `text`: inline when short; in the old version,
 * rewriting only the changed tail chunks, when it appends to the old text;
 * otherwise under a new version that the record switches to atomically.
 */
export function planText(input: TextPlanInput): TextWrite {
  const { field, old, text, chunkSize } = input;
  const oldRef = old && "ref" in old ? old.ref : undefined;
  const obsolete = oldRef ? input.prefix(oldRef.version) : undefined;
  if (text === undefined) return { field, stored: null, chunks: [], obsolete };
  if (text.length <= input.inlineMax) {
    return { field, stored: { inline: text }, chunks: [], obsolete };
  }
  const starts = chunkStarts(text, chunkSize);
  const appending = oldRef !== undefined && input.oldText !== undefined &&
    input.oldText.length === oldRef.length && text.startsWith(input.oldText);
  const version = appending ? oldRef.version : input.newVersion();
  const first = appending
    ? firstChangedChunk(input.oldText!, text, chunkSize)
    : 0;
  const prefix = input.prefix(version);
  const chunks: Mutation[] = [];
  for (let i = first; i < starts.length; i++) {
    chunks.push({
      key: [...prefix, i],
      value: text.slice(starts[i], starts[i + 1]),
    });
  }
  const ref = { version, chunks: starts.length, length: text.length };
  return appending
    ? { field, stored: { ref }, chunks }
    : { field, stored: { ref }, chunks, created: prefix, obsolete };
}

/**
 * Writes the chunks of `writes`, then commits `finals` under `checks`.
 * Chunks that do not fit in the final atomic operation are written first:
 * they are either under a version no record points to yet, or appended
 * chunks whose old text they extend, so readers never see a half-written
 * text. Returns null when a check failed (nothing visible changed).
 */
export async function commitWithChunks(
  kv: Deno.Kv,
  writes: TextWrite[],
  checks: Deno.AtomicCheck[],
  finals: Mutation[],
): Promise<Deno.KvCommitResult | null> {
  const created = writes.flatMap((w) => w.created ? [w.created] : []);
  const reserve = {
    bytes: finals.reduce((n, m) => n + mutationBytes(m), 0),
    keyBytes: finals.reduce((n, m) => n + keyBytes(m.key), 0),
    mutations: finals.length,
  };
  const batches = planBatches(writes.flatMap((w) => w.chunks), reserve);
  const last = batches.pop()!;
  let result: Deno.KvCommitResult | Deno.KvCommitError;
  try {
    await commitInBatches(kv, batches.flat());
    const op = kv.atomic();
    for (const check of checks) op.check(check);
    result = await applyMutations(op, [...last, ...finals]).commit();
  } catch (error) {
    await removeAll(kv, created);
    throw error;
  }
  if (!result.ok) {
    await removeAll(kv, created);
    return null;
  }
  await removeAll(kv, writes.flatMap((w) => w.obsolete ? [w.obsolete] : []));
  return result;
}

async function removeAll(kv: Deno.Kv, prefixes: Deno.KvKey[]): Promise<void> {
  for (const prefix of prefixes) {
    try {
      await deletePrefix(kv, prefix);
    } catch (error) {
      // The record no longer points here, so leftovers are only wasted
      // space; failing the caller's already committed change would be worse.
      console.warn(`Could not delete content chunks ${prefix}:`, error);
    }
  }
}

/** Long texts of recently written messages, valid for one versionstamp. */
export class TextCache {
  #entries = new Map<string, { stamp: string; texts: TextMap }>();
  constructor(readonly capacity = 32) {}

  /** The cached texts of a message, if its record is still at `stamp`. */
  get(key: string, stamp: string): TextMap | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    // Re-inserting keeps the Map in least recently used order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.texts;
  }

  /** Remembers the long texts of a message record at `stamp`. */
  set(key: string, stamp: string, texts: TextMap): void {
    this.#entries.delete(key);
    if (Object.keys(texts).length === 0) return;
    this.#entries.set(key, { stamp, texts });
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }

  /** Forgets a message. */
  delete(key: string): void {
    this.#entries.delete(key);
  }
}

/** Full texts of the chunked fields of a message. */
export type TextMap = Partial<Record<TextField, string>>;
