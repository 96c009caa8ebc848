/**
 * `parseImport()`: one uploaded file to chats ready for the store, or an
 * `ImportError` and nothing else. Formats: chatai JSON (one chat or all),
 * chatai/old-app TXT, Markdown, the old app's JSON, ChatGPT's
 * conversations.json; see each module for its rules.
 *
 * Warnings are strings in `options.lang`, since the HTTP API returns them as
 * `warnings: string[]`; errors keep key and params (`ImportError.localize`).
 */
import { DEFAULT_TIME_ZONE, resolveTimeZone } from "@/lib/time_zone.ts";
import { DEFAULT_LANG } from "@/lib/i18n/mod.ts";
import { isChataiJson, parseChatai } from "./chatai.ts";
import { isChatgptJson, parseChatgpt } from "./chatgpt.ts";
import type { ImportContext } from "./context.ts";
import { decodeText } from "./decode.ts";
import { detectFormat } from "./detect.ts";
import { ImportError, Warnings } from "./errors.ts";
import { isLegacyJson, parseLegacy } from "./legacy.ts";
import { parseMarkdown } from "./markdown.ts";
import { parseTxt } from "./txt.ts";
import {
  DEFAULT_MAX_IMPORT_BYTES,
  DEFAULT_MAX_MESSAGES_PER_CHAT,
} from "@/lib/defaults.ts";
import { validateImported } from "./validate.ts";
import {
  type ImportedChat,
  type ImportOptions,
  type ImportResult,
} from "./types.ts";

/**
 * Reads an uploaded file. Throws `ImportTooLargeError` (→ 413) above
 * `maxBytes`, and `ImportError` for anything it cannot import whole. An
 * unknown `timeZone` falls back to Asia/Jakarta.
 */
export function parseImport(
  bytes: Uint8Array,
  filename?: string,
  options: ImportOptions = {},
): ImportResult {
  const lang = options.lang ?? DEFAULT_LANG;
  const context: ImportContext = {
    timeZone: resolveTimeZone(options.timeZone, DEFAULT_TIME_ZONE),
    now: options.now ?? new Date(),
    lang,
    warnings: new Warnings(lang),
    filename,
    maxMessagesPerChat: options.maxMessagesPerChat ??
      DEFAULT_MAX_MESSAGES_PER_CHAT,
  };
  const text = decodeText(bytes, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
  const detected = detectFormat(text, filename);
  const chats = detected.kind === "txt"
    ? [parseTxt(text, context)]
    : detected.kind === "md"
    ? [parseMarkdown(text, context)]
    : parseJsonData(detected.data, context);
  if (chats.length === 0) throw new ImportError("import.error.no_chats");
  validateImported(chats, context, context.maxMessagesPerChat);
  return { chats, warnings: context.warnings.list() };
}

function parseJsonData(data: unknown, context: ImportContext): ImportedChat[] {
  if (isChataiJson(data)) return parseChatai(data, context);
  if (isChatgptJson(data)) return parseChatgpt(data, context);
  if (isLegacyJson(data)) return [parseLegacy(data, context)];
  if (Array.isArray(data) && data.length === 0) {
    throw new ImportError("import.error.no_chats");
  }
  throw new ImportError("import.error.format");
}
