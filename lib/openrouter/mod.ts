/**
 * The OpenRouter client: streamed completions, the model list, and upstream
 * errors with their user-facing messages.
 */
export {
  type ChatMessage,
  type CompletionEvent,
  type CompletionOptions,
  type CompletionRequest,
  DEFAULT_BASE_URL,
  streamCompletion,
} from "./client.ts";
export {
  isUpstreamError,
  UpstreamError,
  type UpstreamErrorCode,
  upstreamErrorMessage,
} from "./errors.ts";
export {
  clearModelCache,
  FALLBACK_MODELS,
  findModel,
  listModels,
  type ModelInfo,
  type ModelListOptions,
} from "./models.ts";
