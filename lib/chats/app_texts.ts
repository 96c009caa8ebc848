/**
 * Texts the app wrote into stored data (a new chat's title, an answer's
 * error mark) are shown in the viewer's UI language, not the one they were
 * stored in: a text that is the app's own, in any language, is translated.
 */
import { type Lang, LANGS, type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { Chat, Message, MessageError } from "./types.ts";

/** The key of each stored error code's text without details. */
const ERROR_KEYS: Record<string, MessageKey> = {
  no_key: "api.no_key",
  interrupted: "api.interrupted",
  storage_full: "api.save_failed",
  internal: "api.internal",
  bad_key: "upstream.bad_key",
  no_credits: "upstream.no_credits",
  moderation: "upstream.moderation",
  timeout: "upstream.timeout",
  rate_limited: "upstream.rate_limited",
  provider_down: "upstream.provider_down",
  bad_request: "upstream.bad_request",
  stream_error: "upstream.stream_error",
  network: "upstream.network",
  bad_response: "upstream.bad_response",
  too_long: "upstream.too_long",
  upstream_error: "upstream.upstream_error",
};

/** `text` in `lang` when it is the app's text of `key` in some language; else as stored. */
function translated(text: string, key: MessageKey, lang: Lang): string {
  return LANGS.some((other) => t(other, key) === text) ? t(lang, key) : text;
}

/** The chat's title as shown: an automatic "New chat" follows the UI language. */
export function shownTitle(chat: Pick<Chat, "title">, lang: Lang): string {
  return translated(chat.title, "chat.untitled", lang);
}

/** An answer's error as shown in `lang` (details the model gave stay as they are). */
export function shownError(error: MessageError, lang: Lang): MessageError {
  const key = ERROR_KEYS[error.code];
  return key
    ? { ...error, message: translated(error.message, key, lang) }
    : error;
}

/** A stored message with the app's texts in `lang`. */
export function shownMessage(message: Message, lang: Lang): Message {
  return message.error
    ? { ...message, error: shownError(message.error, lang) }
    : message;
}
