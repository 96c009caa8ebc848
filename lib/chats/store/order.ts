/**
 * Where a chat sits in an owner's ordering index, and the opaque list
 * cursors made from that position. The keys themselves are in lib/kv_keys.ts.
 */

import { orderEntryKey, type OrderPosition } from "@/lib/kv_keys.ts";
import type { Chat } from "../types.ts";

export type { OrderPosition };

// Larger than any Date value in milliseconds (8.64e15), so inverted times
// stay positive and newer sorts first.
const TIME_CEILING = 8.64e15 + 1;

/** The ordering position of a chat: pinned by pinnedAt, others by updatedAt. */
export function orderPosition(chat: Chat): OrderPosition {
  const time = chat.pinned ? chat.pinnedAt ?? chat.updatedAt : chat.updatedAt;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Chat ${chat.id} has an invalid timestamp "${time}"`);
  }
  return [chat.pinned ? 0 : 1, TIME_CEILING - ms, chat.id];
}

/** Key of a chat's entry in the ordering index. */
export function orderKey(owner: string, chat: Chat): Deno.KvKey {
  return orderEntryKey(owner, orderPosition(chat));
}

/** Thrown when a list cursor was not made by this store. */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
  constructor() {
    super("The cursor is not valid");
  }
}

/** Encodes an ordering position as an opaque, URL-safe cursor. */
export function encodeCursor(position: OrderPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-")
    .replaceAll("/", "_").replace(/=+$/, "");
}

// Our cursors hold a chat id of 26 characters; ids come from URLs, so
// anything much longer is not one of ours (and would overflow a KV key).
const MAX_CURSOR_LENGTH = 512;
const MAX_ID_LENGTH = 256;

/** Decodes a cursor; throws InvalidCursorError for anything else. */
export function decodeCursor(cursor: string): OrderPosition {
  if (cursor.length > MAX_CURSOR_LENGTH) throw new InvalidCursorError();
  try {
    const b64 = cursor.replaceAll("-", "+").replaceAll("_", "/");
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes));
    if (
      Array.isArray(value) && value.length === 3 &&
      (value[0] === 0 || value[0] === 1) && Number.isFinite(value[1]) &&
      typeof value[2] === "string" && value[2].length <= MAX_ID_LENGTH
    ) return value as OrderPosition;
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError();
}
