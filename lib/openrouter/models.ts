/**
 * The model list: fetched from `{baseUrl}/models`, normalized, cached in
 * memory for an hour per base URL, and replaced by a built-in list when the
 * upstream cannot be reached or answers badly.
 */
import { z } from "zod";
import { DEFAULT_BASE_URL } from "./request.ts";
import { FALLBACK_MODELS } from "./fallback_models.ts";
import type { ModelInfo } from "./model_info.ts";

export { FALLBACK_MODELS } from "./fallback_models.ts";

export type { ModelInfo } from "./model_info.ts";

/** Where to fetch the list, and test seams. */
export interface ModelListOptions {
  /** Defaults to OpenRouter's API root. */
  baseUrl?: string;
  /** Sent when given: OpenRouter does not need it, other servers may. */
  apiKey?: string;
  fetch?: typeof fetch;
  /** Clock of the cache, in ms; defaults to `Date.now`. */
  now?: () => number;
  /** Longest wait for the list; default 10 s. */
  timeoutMs?: number;
}

/** How long a fetched list is reused. */
export const MODEL_CACHE_MS = 60 * 60 * 1000;
/** How long the fallback is reused before the upstream is asked again. */
export const FALLBACK_CACHE_MS = 60 * 1000;

interface CacheEntry {
  expires: number;
  models?: readonly ModelInfo[];
  pending?: Promise<readonly ModelInfo[]>;
}

const cache = new Map<string, CacheEntry>();

/** Forgets every cached list (tests; or after changing the base URL). */
export function clearModelCache(): void {
  cache.clear();
}

/** The models the upstream offers, or the built-in list when it fails. */
export async function listModels(
  options: ModelListOptions = {},
): Promise<ModelInfo[]> {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const now = options.now ?? Date.now;
  // A person's own key may see another list: each key has its own entry.
  const id = options.apiKey ? `${baseUrl}\n${options.apiKey}` : baseUrl;
  const entry = cache.get(id);
  if (entry?.models && entry.expires > now()) return [...entry.models];
  // Concurrent page renders share one request instead of each sending theirs.
  if (entry?.pending) return [...await entry.pending];
  const pending = fetchModels(baseUrl, options).then(
    (models) => remember(id, models, now() + MODEL_CACHE_MS),
    () => remember(id, FALLBACK_MODELS, now() + FALLBACK_CACHE_MS),
  );
  cache.set(id, { ...entry, expires: 0, pending });
  return [...await pending];
}

/** One model by id, from {@link listModels}; undefined when unknown. */
export async function findModel(
  id: string,
  options: ModelListOptions = {},
): Promise<ModelInfo | undefined> {
  return (await listModels(options)).find((model) => model.id === id);
}

/** The model list of the one upstream the app is configured for. */
export interface ModelCatalog {
  /** Every model, as {@link listModels} gives them. */
  list(): Promise<ModelInfo[]>;
  /** One model by id; undefined when unknown or the list is unreachable. */
  find(id: string): Promise<ModelInfo | undefined>;
}

/** The catalog of the upstream at `baseUrl`, asked with `apiKey` when set. */
export function modelCatalog(
  source: { baseUrl: string; apiKey?: string },
): ModelCatalog {
  const options = { baseUrl: source.baseUrl, apiKey: source.apiKey };
  return {
    list: () => listModels(options),
    find: (id) => findModel(id, options).catch(() => undefined),
  };
}

function remember(
  id: string,
  models: readonly ModelInfo[],
  expires: number,
): readonly ModelInfo[] {
  cache.set(id, { models, expires });
  return models;
}

async function fetchModels(
  baseUrl: string,
  options: ModelListOptions,
): Promise<readonly ModelInfo[]> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(),
    options.timeoutMs ?? 10_000,
  );
  try {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
    const response = await (options.fetch ?? fetch)(`${baseUrl}/models`, {
      headers,
      signal: controller.signal,
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`The model list answered HTTP ${response.status}`);
    }
    const models = normalizeModels(await response.json());
    if (models.length === 0) throw new Error("The model list is empty");
    return models;
  } finally {
    clearTimeout(timer);
  }
}

const price = z.union([z.string(), z.number()]).transform(Number).pipe(
  z.number().refine(Number.isFinite),
);

const itemSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  context_length: z.number().nullish(),
  pricing: z.object({ prompt: price.nullish(), completion: price.nullish() })
    .nullish(),
  top_provider: z.object({
    context_length: z.number().nullish(),
    max_completion_tokens: z.number().nullish(),
  }).nullish(),
  architecture: z.object({
    input_modalities: z.array(z.string()).nullish(),
    modality: z.string().nullish(),
  }).nullish(),
});

/**
 * Normalizes an OpenRouter-shaped `{data: [...]}` answer. Invalid items are
 * skipped; an answer without a `data` array throws.
 */
export function normalizeModels(json: unknown): ModelInfo[] {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error("The model list has no data array");
  const models: ModelInfo[] = [];
  for (const item of data) {
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) continue;
    const model = toModelInfo(parsed.data);
    Object.freeze(model.inputModalities);
    models.push(Object.freeze(model));
  }
  return models;
}

function toModelInfo(item: z.infer<typeof itemSchema>): ModelInfo {
  const prompt = perMillion(item.pricing?.prompt);
  const completion = perMillion(item.pricing?.completion);
  const modality = item.architecture?.modality?.split("->")[0];
  const model: ModelInfo = {
    id: item.id,
    name: item.name || item.id,
    contextLength: item.context_length ?? item.top_provider?.context_length ??
      0,
    pricing: { prompt, completion },
    free: (prompt === 0 && completion === 0) || item.id.endsWith(":free"),
    inputModalities: item.architecture?.input_modalities ??
      (modality ? modality.split("+") : ["text"]),
  };
  const max = item.top_provider?.max_completion_tokens;
  if (max) model.maxCompletionTokens = max;
  return model;
}

/** USD per token to USD per million tokens, without float noise. */
function perMillion(perToken: number | null | undefined): number {
  if (perToken === null || perToken === undefined) return 0;
  if (perToken < 0) return -1;
  return Number((perToken * 1e6).toPrecision(12));
}
