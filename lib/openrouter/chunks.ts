/**
 * Turns the `data:` payloads of an OpenAI-compatible completion stream into
 * {@link CompletionEvent}s. Lenient about fields it does not use, strict
 * about the ones it does: a payload that is not JSON, or whose used fields
 * have the wrong type, is a `bad_response`.
 */
import type { Usage } from "@/lib/chats/types.ts";
import { errorFromStreamPayload, redact, UpstreamError } from "./errors.ts";
import { DEFAULT_STREAM_LIMITS, type StreamLimits } from "./request.ts";

/** What a completion stream tells its consumer, in order of arrival. */
export type CompletionEvent =
  /** The model that actually answers (it may differ from the one asked for). */
  | { type: "model"; model: string }
  /** Answer text to append. */
  | { type: "delta"; text: string }
  /** Reasoning text to append, for models that think aloud. */
  | { type: "reasoning"; text: string }
  /** Why generation stopped: `"stop"`, `"length"` (cut at max tokens), … */
  | { type: "finish"; reason: string }
  /** Token counts and cost (USD), from the final chunk. */
  | { type: "usage"; usage: Usage };

/** The fields of a completion chunk that are read. */
interface Chunk {
  model?: string | null;
  choices?: {
    delta?: {
      content?: string | null;
      reasoning?: string | null;
      reasoning_content?: string | null;
    } | null;
    finish_reason?: string | null;
  }[] | null;
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    cost?: number | null;
  } | null;
  error?: Record<string, unknown> | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const maybe = (v: unknown, type: "string" | "number") =>
  absent(v) || typeof v === type;

/**
 * Where `json` is not a {@link Chunk}: the path of the first wrong field,
 * or null. Checked by hand rather than with a schema library because it
 * runs for every token of every stream, and a schema's parse copies the
 * object each time.
 */
function chunkProblem(json: unknown): string | null {
  if (!isObject(json)) return "root";
  if (!maybe(json.model, "string")) return "model";
  if (!absent(json.error) && !isObject(json.error)) return "error";
  const { choices, usage } = json;
  if (!absent(choices)) {
    if (!Array.isArray(choices)) return "choices";
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (!isObject(choice)) return `choices.${i}`;
      if (!maybe(choice.finish_reason, "string")) {
        return `choices.${i}.finish_reason`;
      }
      const delta = choice.delta;
      if (absent(delta)) continue;
      if (!isObject(delta)) return `choices.${i}.delta`;
      for (const field of ["content", "reasoning", "reasoning_content"]) {
        if (!maybe(delta[field], "string")) {
          return `choices.${i}.delta.${field}`;
        }
      }
    }
  }
  if (!absent(usage)) {
    if (!isObject(usage)) return "usage";
    for (const field of ["prompt_tokens", "completion_tokens"]) {
      if (typeof usage[field] !== "number") return `usage.${field}`;
    }
    if (!maybe(usage.cost, "number")) return "usage.cost";
  }
  return null;
}

/** Interprets the payloads of one stream; keeps the state that spans them. */
export class ChunkReader {
  /** `[DONE]` arrived: nothing more is to be read. */
  done = false;
  /** A finish reason arrived: the answer is complete even without `[DONE]`. */
  finished = false;
  /** At least one valid chunk arrived. */
  started = false;
  #modelSent = false;
  #apiKey: string | undefined;
  #limits: StreamLimits;
  /** Answer and reasoning characters so far. */
  #length = 0;

  constructor(apiKey?: string, limits: Partial<StreamLimits> = {}) {
    this.#apiKey = apiKey;
    this.#limits = { ...DEFAULT_STREAM_LIMITS, ...limits };
  }

  /** The events of one `data:` payload; throws an {@link UpstreamError}. */
  read(data: string): CompletionEvent[] {
    if (this.done) return [];
    const trimmed = data.trim();
    if (trimmed === "[DONE]") {
      this.done = true;
      return [];
    }
    if (trimmed === "") return [];
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new UpstreamError("bad_response", {
        detail: `a stream chunk is not valid JSON: ${
          redact(trimmed.slice(0, 80), this.#apiKey)
        }`,
      });
    }
    const problem = chunkProblem(json);
    if (problem) {
      throw new UpstreamError("bad_response", {
        detail: `a stream chunk has an unexpected shape (${problem})`,
      });
    }
    const chunk = json as Chunk;
    if (chunk.error) throw errorFromStreamPayload(chunk.error, this.#apiKey);
    this.started = true;
    const events: CompletionEvent[] = [];
    // A model id longer than any real one is not stored: the one asked
    // for stays.
    if (
      chunk.model && !this.#modelSent &&
      chunk.model.length <= this.#limits.modelChars
    ) {
      this.#modelSent = true;
      events.push({ type: "model", model: chunk.model });
    }
    const choice = chunk.choices?.[0];
    const reasoning = choice?.delta?.reasoning ??
      choice?.delta?.reasoning_content;
    if (reasoning) {
      this.#count(reasoning);
      events.push({ type: "reasoning", text: reasoning });
    }
    if (choice?.delta?.content) {
      this.#count(choice.delta.content);
      events.push({ type: "delta", text: choice.delta.content });
    }
    if (choice?.finish_reason) {
      if (choice.finish_reason === "error") {
        throw new UpstreamError("stream_error", {
          detail: "the provider ended the answer with an error",
        });
      }
      this.finished = true;
      events.push({ type: "finish", reason: choice.finish_reason });
    }
    const usage = chunk.usage && usageOf(chunk.usage);
    if (usage) events.push({ type: "usage", usage });
    return events;
  }

  #count(text: string): void {
    if (text.length > this.#limits.deltaChars) {
      throw new UpstreamError("bad_response", {
        detail: `a delta is longer than ${this.#limits.deltaChars} characters`,
      });
    }
    this.#length += text.length;
    if (this.#length > this.#limits.answerChars) {
      throw new UpstreamError("too_long", {
        detail:
          `the answer is longer than ${this.#limits.answerChars} characters`,
      });
    }
  }
}

/** Token counts beyond this in one answer are not believed. */
const MAX_TOKENS = 100_000_000;
/** Nor a cost beyond this, in USD. */
const MAX_COST = 10_000;

const plausible = (n: number, max: number) =>
  Number.isFinite(n) && n >= 0 && n <= max;

/**
 * The usage a chunk reports, or undefined when it is not plausible
 * (negative, not finite, or absurdly large): such figures are not stored or
 * shown.
 */
function usageOf(raw: NonNullable<Chunk["usage"]>): Usage | undefined {
  const { prompt_tokens: prompt, completion_tokens: completion, cost } = raw;
  if (!plausible(prompt, MAX_TOKENS) || !plausible(completion, MAX_TOKENS)) {
    return undefined;
  }
  if (!Number.isInteger(prompt) || !Number.isInteger(completion)) {
    return undefined;
  }
  const usage: Usage = { promptTokens: prompt, completionTokens: completion };
  if (typeof cost === "number" && plausible(cost, MAX_COST)) usage.cost = cost;
  return usage;
}
