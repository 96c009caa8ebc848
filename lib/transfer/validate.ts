/**
 * The API's rules applied to imported chats, whatever their format: an
 * import cannot store what the API would refuse. Titles are cleaned (one
 * line, no control characters, at most 200 characters) and then checked
 * with the API's own title schema; chat settings were checked by the
 * parsers with the API's schemas; each message's model id, error and usage
 * are checked here. A chat with more messages than a chat may hold is
 * refused whole (`ImportTooManyMessagesError`, → 413).
 */
import { modelIdSchema, titleSchema } from "@/lib/chats/schemas.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { ImportContext } from "./context.ts";
import {
  ImportError,
  type ImportPosition,
  ImportTooManyMessagesError,
} from "./errors.ts";
import { showValue } from "./schema_errors.ts";
import { cleanTitle } from "./titles.ts";
import type { ImportedChat, ImportedMessage } from "./types.ts";

/** Longest error code and message an imported message may carry. */
const MAX_ERROR_CODE = 100;
const MAX_ERROR_MESSAGE = 4_000;
/** More tokens than any model's context holds: a sign of a broken file. */
const MAX_TOKENS = 100_000_000;
/** More dollars than any one answer costs. */
const MAX_COST = 10_000;

/** Checks and cleans every imported chat in place; throws ImportError on the first that breaks a rule. */
export function validateImported(
  chats: ImportedChat[],
  context: ImportContext,
  maxMessagesPerChat: number,
): void {
  chats.forEach((chat, index) => {
    const where: ImportPosition = chats.length > 1 ? { chat: index + 1 } : {};
    if (chat.messages.length > maxMessagesPerChat) {
      throw new ImportTooManyMessagesError(maxMessagesPerChat, where);
    }
    const cleaned = titleSchema.safeParse(cleanTitle(chat.title));
    chat.title = cleaned.success
      ? cleaned.data
      : t(context.lang, "import.untitled");
    chat.messages.forEach((message, m) =>
      validateMessage(message, { ...where, message: m + 1 })
    );
  });
}

function validateMessage(message: ImportedMessage, where: ImportPosition) {
  if (message.model !== undefined) {
    if (!modelIdSchema.safeParse(message.model).success) {
      throw new ImportError("import.error.model", {
        field: "model",
        value: showValue(message.model),
      }, where);
    }
    message.model = message.model.trim();
  }
  if (message.error) {
    tooLong("error.code", message.error.code, MAX_ERROR_CODE, where);
    tooLong("error.message", message.error.message, MAX_ERROR_MESSAGE, where);
  }
  const usage = message.usage;
  if (usage) {
    for (const field of ["promptTokens", "completionTokens"] as const) {
      const value = usage[field];
      if (!(Number.isSafeInteger(value) && value >= 0 && value <= MAX_TOKENS)) {
        throw new ImportError("import.error.range", {
          field: `usage.${field}`,
          value: showValue(value),
        }, where);
      }
    }
    const cost = usage.cost;
    if (cost !== undefined && !(cost >= 0 && cost <= MAX_COST)) {
      throw new ImportError("import.error.range", {
        field: "usage.cost",
        value: showValue(cost),
      }, where);
    }
  }
}

function tooLong(
  field: string,
  value: string,
  max: number,
  where: ImportPosition,
): void {
  if (value.length > max) {
    throw new ImportError("import.error.too_long", {
      field,
      length: value.length,
      max,
    }, where);
  }
}
