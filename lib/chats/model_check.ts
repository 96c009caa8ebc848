/**
 * Which model ids a chat may be set to: those the upstream lists (or the
 * built-in list while it cannot be reached), the operator's ALLOWED_MODELS,
 * the default model, and the chat's current model.
 */
import type { ModelCatalog } from "@/lib/openrouter/models.ts";
import { ApiError } from "@/lib/http/api.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";

/** What the check needs. */
export interface ModelCheck {
  catalog: ModelCatalog;
  allowed: readonly string[];
  defaultModel: string;
  /** The chat's model now: keeping it is always fine. */
  current?: string;
  lang: Lang;
}

/** Whether `model` may be saved. */
export async function modelAllowed(
  model: string,
  check: Omit<ModelCheck, "lang">,
): Promise<boolean> {
  if (model === check.current || model === check.defaultModel) return true;
  if (check.allowed.includes(model)) return true;
  return (await check.catalog.list()).some((m) => m.id === model);
}

/** Throws a 400 with a clear message when `model` is set and may not be saved. */
export async function refuseUnknownModel(
  model: string | undefined,
  check: ModelCheck,
): Promise<void> {
  if (model === undefined || await modelAllowed(model, check)) return;
  throw new ApiError(
    "invalid_request",
    t(check.lang, "api.unknown_model", { model }),
  );
}
