/** How a failed generation is described to the user, in the UI language. */
import { logText } from "@/lib/http/log_text.ts";
import type { MessageError } from "@/lib/chats/types.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import {
  isUpstreamError,
  upstreamErrorMessage,
} from "@/lib/openrouter/errors.ts";

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

/** The stored error of an answer cut off by a restart. */
export function interruptedError(lang: Lang): MessageError {
  return { code: "interrupted", message: t(lang, "api.interrupted") };
}
