/**
 * Turns the `data:` payloads of an OpenAI-compatible completion stream into
 * {@link CompletionEvent}s. Lenient about fields it does not use, strict
 * about the ones it does: a payload that is not JSON, or whose used fields
 * have the wrong type, is a `bad_response`.
 */
import { z } from "zod";
import type { Usage } from "@/lib/chats/types.ts";
import { errorFromStreamPayload, redact, UpstreamError } from "./errors.ts";

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

const text = z.string().nullish();

const errorSchema = z.object({
  code: z.unknown().optional(),
  message: z.unknown().optional(),
  metadata: z.unknown().optional(),
});

const chunkSchema = z.object({
  model: z.string().nullish(),
  choices: z.array(
    z.object({
      delta: z.object({
        content: text,
        reasoning: text,
        reasoning_content: text,
      }).nullish(),
      finish_reason: z.string().nullish(),
    }),
  ).nullish(),
  usage: z.object({
    prompt_tokens: z.number(),
    completion_tokens: z.number(),
    cost: z.number().nullish(),
  }).nullish(),
  error: errorSchema.nullish(),
});

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

  constructor(apiKey?: string) {
    this.#apiKey = apiKey;
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
    const parsed = chunkSchema.safeParse(json);
    if (!parsed.success) {
      throw new UpstreamError("bad_response", {
        detail: `a stream chunk has an unexpected shape (${
          parsed.error.issues[0]?.path.join(".") || "root"
        })`,
      });
    }
    const chunk = parsed.data;
    if (chunk.error) throw errorFromStreamPayload(chunk.error, this.#apiKey);
    this.started = true;
    const events: CompletionEvent[] = [];
    if (chunk.model && !this.#modelSent) {
      this.#modelSent = true;
      events.push({ type: "model", model: chunk.model });
    }
    const choice = chunk.choices?.[0];
    const reasoning = choice?.delta?.reasoning ??
      choice?.delta?.reasoning_content;
    if (reasoning) events.push({ type: "reasoning", text: reasoning });
    if (choice?.delta?.content) {
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
    if (chunk.usage) {
      const usage: Usage = {
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
      };
      if (typeof chunk.usage.cost === "number") usage.cost = chunk.usage.cost;
      events.push({ type: "usage", usage });
    }
    return events;
  }
}
