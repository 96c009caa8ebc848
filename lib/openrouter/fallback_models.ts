/**
 * Models offered when the model list cannot be fetched, so the app stays
 * usable offline or when OpenRouter's `/models` is down. Prices are USD per
 * million tokens, as OpenRouter listed them.
 */
import type { ModelInfo } from "./model_info.ts";

const text = ["text"];
const vision = ["text", "image"];

/** The built-in model list. */
export const FALLBACK_MODELS: readonly ModelInfo[] = Object.freeze([
  {
    id: "meta-llama/llama-3-8b-instruct",
    name: "Meta: Llama 3 8B Instruct",
    contextLength: 8192,
    maxCompletionTokens: 16384,
    pricing: { prompt: 0.03, completion: 0.06 },
    free: false,
    inputModalities: text,
  },
  {
    id: "deepseek/deepseek-chat-v3-0324:free",
    name: "DeepSeek: DeepSeek V3 0324 (free)",
    contextLength: 163840,
    pricing: { prompt: 0, completion: 0 },
    free: true,
    inputModalities: text,
  },
  {
    id: "deepseek/deepseek-r1:free",
    name: "DeepSeek: R1 (free)",
    contextLength: 163840,
    pricing: { prompt: 0, completion: 0 },
    free: true,
    inputModalities: text,
  },
  {
    id: "meta-llama/llama-3.3-70b-instruct",
    name: "Meta: Llama 3.3 70B Instruct",
    contextLength: 131072,
    maxCompletionTokens: 16384,
    pricing: { prompt: 0.13, completion: 0.4 },
    free: false,
    inputModalities: text,
  },
  {
    id: "mistralai/mistral-7b-instruct",
    name: "Mistral: Mistral 7B Instruct",
    contextLength: 32768,
    maxCompletionTokens: 16384,
    pricing: { prompt: 0.028, completion: 0.054 },
    free: false,
    inputModalities: text,
  },
  {
    id: "openai/gpt-4o-mini",
    name: "OpenAI: GPT-4o-mini",
    contextLength: 128000,
    maxCompletionTokens: 16384,
    pricing: { prompt: 0.15, completion: 0.6 },
    free: false,
    inputModalities: vision,
  },
  {
    id: "google/gemini-2.0-flash-001",
    name: "Google: Gemini 2.0 Flash",
    contextLength: 1048576,
    maxCompletionTokens: 8192,
    pricing: { prompt: 0.1, completion: 0.4 },
    free: false,
    inputModalities: vision,
  },
  {
    id: "anthropic/claude-3.5-sonnet",
    name: "Anthropic: Claude 3.5 Sonnet",
    contextLength: 200000,
    maxCompletionTokens: 8192,
    pricing: { prompt: 3, completion: 15 },
    free: false,
    inputModalities: vision,
  },
].map((model) =>
  Object.freeze({
    ...model,
    inputModalities: Object.freeze([...model.inputModalities]) as string[],
  })
));
