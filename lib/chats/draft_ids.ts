/**
 * Ids of unsaved new chats. `GET /` shows a new chat before anything is
 * stored; its id carries, in place of randomness, an HMAC of the owner and
 * the id's time, so the first message stores the chat only for the owner the
 * page was made for: another owner's chat id, or an invented one, stays a
 * 404.
 */
import { isId, newId } from "./ids.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;

async function tag(key: CryptoKey, owner: string, time: string) {
  const mac = new Uint8Array(
    await crypto.subtle.sign(
      "HMAC",
      key,
      new TextEncoder().encode(`chatai/draft\n${owner}\n${time}`),
    ),
  );
  let out = "";
  for (let i = 0; i < RANDOM_LENGTH; i++) {
    // 5 bits per character, from bit 5*i on.
    const bit = i * 5;
    const pair = (mac[bit >> 3] << 8) | mac[(bit >> 3) + 1];
    out += ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** A new id for an unsaved chat of `owner`. */
export async function draftId(key: CryptoKey, owner: string): Promise<string> {
  const time = newId().slice(0, TIME_LENGTH);
  return time + await tag(key, owner, time);
}

/** Whether `id` was made by `draftId()` for `owner`. */
export async function isDraftId(
  key: CryptoKey,
  owner: string,
  id: string,
): Promise<boolean> {
  if (!isId(id)) return false;
  const time = id.slice(0, TIME_LENGTH);
  return id.slice(TIME_LENGTH) === await tag(key, owner, time);
}
