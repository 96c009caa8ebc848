/**
 * Long message text stored in chunks. A KV value holds at most 64 KiB and a
 * string costs up to 2 bytes per UTF-16 unit, so text longer than the inline
 * limit is cut into chunks of about `size` units under a version prefix:
 * `[...versionPrefix, index]`.
 *
 * Chunk k starts at k × size, one unit later when that would split a
 * surrogate pair. Boundaries therefore depend only on the text around them,
 * so when a text grows by appending, every chunk of the old text is a prefix
 * of the same chunk of the new one: appends rewrite the tail only, and a
 * reader holding an older record can still cut the newer chunks to its
 * length.
 */

import { KV_MAX_BATCH_SIZE } from "./kv_limits.ts";

/** Where a chunked text lives and how long it is. */
export interface ContentRef {
  /** Version id: a fresh one for every non-append rewrite. */
  version: string;
  /** Number of chunks. */
  chunks: number;
  /** Length of the text in UTF-16 units. */
  length: number;
}

/** Default chunk size in UTF-16 units: at most 32 KiB as a KV value. */
export const DEFAULT_CHUNK_SIZE = 16_384;

/** Thrown when the chunks of a text are missing or malformed. */
export class ContentMissingError extends Error {
  override name = "ContentMissingError";
}

/** Start offsets of the chunks of a text. */
export function chunkStarts(text: string, size: number): number[] {
  const starts = [0];
  for (let at = size; at < text.length; at += size) {
    const start = splitsPair(text, at) ? at + 1 : at;
    if (start < text.length) starts.push(start);
  }
  return text.length === 0 ? [] : starts;
}

/** Cuts a text into its chunks. */
export function splitChunks(text: string, size: number): string[] {
  const starts = chunkStarts(text, size);
  return starts.map((start, i) => text.slice(start, starts[i + 1]));
}

/**
 * The first chunk index whose text differs between `oldText` and `newText`,
 * for a `newText` that starts with `oldText`: chunks before it are kept.
 */
export function firstChangedChunk(
  oldText: string,
  newText: string,
  size: number,
): number {
  const oldStarts = chunkStarts(oldText, size);
  const newStarts = chunkStarts(newText, size);
  for (let i = 0; i < oldStarts.length; i++) {
    const oldEnd = oldStarts[i + 1] ?? oldText.length;
    const newEnd = newStarts[i + 1] ?? newText.length;
    if (oldEnd !== newEnd) return i;
  }
  return oldStarts.length;
}

/**
 * Reads a chunked text. Chunks may be newer than `ref` (an append landed
 * since the record was read); they are cut to `ref.length`.
 */
export async function readChunks(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  ref: ContentRef,
): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  const entries = kv.list<unknown>({ prefix }, {
    batchSize: Math.min(KV_MAX_BATCH_SIZE, Math.max(1, ref.chunks)),
  });
  for await (const entry of entries) {
    const index = entry.key[entry.key.length - 1];
    if (length >= ref.length) break;
    if (index !== parts.length) {
      throw new ContentMissingError(
        `Chunk ${parts.length} of ${ref.chunks} is missing`,
      );
    }
    if (typeof entry.value !== "string") {
      throw new ContentMissingError(`Chunk ${index} is not text`);
    }
    parts.push(entry.value);
    length += entry.value.length;
  }
  if (length < ref.length) {
    throw new ContentMissingError(
      `Chunked text is incomplete: ${length} of ${ref.length} characters found`,
    );
  }
  const text = parts.join("");
  return text.length === ref.length ? text : text.slice(0, ref.length);
}

/** Tells whether `value` looks like a ContentRef. */
export function isContentRef(value: unknown): value is ContentRef {
  const ref = value as ContentRef;
  return typeof value === "object" && value !== null &&
    typeof ref.version === "string" && Number.isInteger(ref.chunks) &&
    Number.isInteger(ref.length);
}

function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1), after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 &&
    after <= 0xdfff;
}
