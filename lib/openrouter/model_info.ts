/**
 * The shape of a model in the app, in a module of its own so that the
 * model list and its built-in fallback need not import each other.
 */

/** A model as the app shows and uses it. Shared between callers: read only. */
export interface ModelInfo {
  id: string;
  name: string;
  /** Tokens of context; 0 when the server does not say (Ollama, LM Studio). */
  contextLength: number;
  maxCompletionTokens?: number;
  /** USD per million tokens; -1 when the price varies (`openrouter/auto`). */
  pricing: { prompt: number; completion: number };
  /** Both prices are 0, or the id ends with `:free`. */
  free: boolean;
  /** E.g. `["text", "image"]`. */
  inputModalities: string[];
}
