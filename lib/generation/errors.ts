/** How a failed generation is described to the user, in the UI language. */
import { logText } from "@/lib/http/log_text.ts";
import type { MessageError } from "@/lib/chats/types.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import {
  isUpstreamError,
  upstreamErrorMessage,
} from "@/lib/openrouter/errors.ts";

/** The abort reason of an answer stopped by the server (shutdown, a lost lease), not the user. */
export class InterruptedError extends Error {}

/** Thrown when no API key is set for an endpoint that needs one. */
export class MissingKeyError extends Error {}

/** The stored error of an answer that failed with `error`. */
export function describeGenerationError(
  error: unknown,
  lang: Lang,
): MessageError {
  if (isUpstreamError(error)) {
    return { code: error.code, message: upstreamErrorMessage(error, lang) };
  }
  if (error instanceof MissingKeyError) {
    return { code: "no_key", message: t(lang, "api.no_key") };
  }
  console.error(
    "Generation failed:",
    logText(error instanceof Error ? error.message : error),
  );
  return { code: "internal", message: t(lang, "api.internal") };
}

/** The stored error of an answer cut off by a crash, a restart or a shutdown. */
export function interruptedError(lang: Lang): MessageError {
  return { code: "interrupted", message: t(lang, "api.interrupted") };
}

/** The stored error of an answer whose final save failed (a full disk). */
export function saveFailedError(lang: Lang): MessageError {
  return { code: "storage_full", message: t(lang, "api.save_failed") };
}
