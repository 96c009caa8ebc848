/**
 * What the fake OpenRouter does for one completion request: the scenario
 * types, the `[[fake:…]]` markers that pick one from a chat message, and
 * the plan of timed SSE events a streaming scenario becomes.
 */
import { formatStamp } from "./timestamps.ts";

/** How a streamed answer looks and paces itself. */
export interface AnswerOptions {
  /** The answer; default `Echo: <last user message>` plus a multilingual tail. */
  text?: string;
  /** Explicit tokens, one delta each; override `text`. */
  tokens?: string[];
  /** Reasoning sent as `delta.reasoning` before the answer. */
  reasoning?: string;
  /** The `model` of the chunks; default the requested one. */
  model?: string;
  /** Wait before the first chunk (comments still flow unless disabled). */
  firstTokenDelayMs?: number;
  /** Wait between tokens; default 0. */
  tokenIntervalMs?: number;
  /** Append the write time `[t=<epoch ms>]` to every token. */
  timestamps?: boolean;
  /** Send `: OPENROUTER PROCESSING` comments; default the server's setting. */
  comments?: boolean;
  /** Send the usage chunk; default true. */
  usage?: boolean;
  /** Send `data: [DONE]`; default true. */
  done?: boolean;
  /** Default `"stop"`; `null` sends no finish chunk. */
  finishReason?: string | null;
  /**
   * Holds the answer after `holdAfter` tokens (default 1) until this settles,
   * with keep-alive comments meanwhile: a test does its part while the answer
   * runs, then lets it finish, with no guess at how long that part takes.
   */
  holdUntil?: Promise<unknown>;
  holdAfter?: number;
}

/** The behavior of one completion request. */
export type Scenario =
  | ({ type: "answer" } & AnswerOptions)
  /** An answer of about `bytes` UTF-8 bytes (default 1 MB) in many chunks. */
  | ({ type: "long"; bytes?: number } & AnswerOptions)
  /** `count` tokens at `tokensPerSecond`, for latency benchmarks. */
  | ({ type: "rate"; count: number; tokensPerSecond: number } & AnswerOptions)
  /** Some tokens, then silence with the connection held open. */
  | ({ type: "stall" } & AnswerOptions)
  /** Some tokens, then `{"error": {code, message}}` in the 200 stream. */
  | (
    & { type: "midstream_error"; code?: number | string; message?: string }
    & AnswerOptions
  )
  /** A non-200 answer with OpenRouter's JSON error body. */
  | {
    type: "http_error";
    status: number;
    message?: string;
    /** The `Retry-After` header; a 429 gets "2" unless given. */
    retryAfter?: string;
    metadata?: Record<string, unknown>;
  }
  /** Exactly this body (split like any other), e.g. broken JSON or HTML. */
  | {
    type: "raw";
    body: string;
    status?: number;
    contentType?: string;
    /** Largest piece of a write; default the server's. */
    maxPiece?: number;
  };

/** What a scenario needs to know about the request. */
export interface RequestContext {
  model: string;
  messages: { role: string; content: string }[];
  id: number;
}

/** One SSE event due `at` ms after the response started. */
export interface Step {
  at: number;
  /** Built at write time, so timestamps are the real write times. */
  text: () => string;
  /** Written only once this settles; the steps after it move as late. */
  gate?: Promise<unknown>;
}

/** A streaming response: its events, then an end or a stall. */
export interface StreamPlan {
  steps: Step[];
  after: "end" | "stall";
  comments?: boolean;
}

const ECHO_TAIL = "\n\nTerima kasih sudah mencoba! 🙏🏽 你好，世界 👋 — selesai.";
const LONG_SAMPLE =
  "Lorem ipsum dolor sit amet, kalimat panjang dalam Bahasa Indonesia 🇮🇩, 中文字符 and ✨ emoji. ";
const MARKER = /\[\[fake:([a-z_]+?)(\d{3})?(?:=(\d+))?\]\]/;

/** The scenario a `[[fake:…]]` marker in `content` names, if any. */
export function scenarioFromMarker(content: string): Scenario | undefined {
  const match = MARKER.exec(content);
  if (!match) return undefined;
  const [, name, status, value] = match;
  const n = value === undefined ? undefined : Number(value);
  switch (name) {
    case "error":
      return status
        ? { type: "http_error", status: Number(status) }
        : undefined;
    case "slow":
      return { type: "answer", tokenIntervalMs: n ?? 50 };
    case "delay":
      return { type: "answer", firstTokenDelayMs: n ?? 1000 };
    case "stall":
      return { type: "stall" };
    case "long":
      return { type: "long", bytes: n };
    case "reasoning":
      return {
        type: "answer",
        reasoning: "Pengguna menyapa; saya jawab dengan ramah. 先想一想 🤔",
      };
    case "midstream_error":
      return { type: "midstream_error" };
    case "wide_table": {
      // A table wider than a phone: twelve long headers, one row.
      const row = Array.from({ length: 12 }, (_, i) => `kolom panjang ${i}`);
      return {
        type: "answer",
        text: `Tabel:\n\n| ${row.join(" | ")} |\n|${
          row.map(() => "---").join("|")
        }|\n| ${row.map((_, i) => i).join(" | ")} |\n`,
      };
    }
    case "bad_json":
      return { type: "raw", body: 'data: {"choices": [oops\n\n' };
    case "html":
      return {
        type: "raw",
        body: "<html><body>Bad gateway</body></html>",
        contentType: "text/html",
      };
  }
  return undefined;
}

/** Splits text into word-sized tokens that concatenate back to it. */
export function tokenize(text: string): string[] {
  return text.match(/\S+\s*|\s+/gu) ?? [];
}

/** The default answer: it shows what the model was sent. */
export function echoText(ctx: RequestContext): string {
  const last = ctx.messages.findLast((m) => m.role === "user");
  return `Echo: ${last?.content ?? ""}${ECHO_TAIL}`;
}

/** The timed events of a streaming scenario. */
export function planStream(
  scenario: Exclude<Scenario, { type: "http_error" }>,
  ctx: RequestContext,
): StreamPlan {
  if (scenario.type === "raw") {
    return { steps: [{ at: 0, text: () => scenario.body }], after: "end" };
  }
  const model = scenario.model ??
    (ctx.model === "openrouter/auto"
      ? "meta-llama/llama-3-8b-instruct"
      : ctx.model);
  let tokens = scenario.tokens ?? tokenize(scenario.text ?? echoText(ctx));
  let interval = scenario.tokenIntervalMs ?? 0;
  if (scenario.type === "long") tokens = longTokens(scenario.bytes ?? 1 << 20);
  if (scenario.type === "rate") {
    tokens = Array.from({ length: scenario.count }, (_, i) => `tok${i} `);
    interval = 1000 / scenario.tokensPerSecond;
  }
  if (scenario.type === "stall" || scenario.type === "midstream_error") {
    tokens = tokens.slice(0, 3);
  }
  const reasoning = tokenize(scenario.reasoning ?? "");
  const stamp = (token: string) =>
    scenario.timestamps ? token + formatStamp() : token;
  const chunk = (delta: Record<string, unknown>, extra: object = {}) =>
    event({
      id: `gen-fake-${ctx.id}`,
      provider: "Fake",
      model,
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      choices: [{
        index: 0,
        delta: { role: "assistant", content: "", ...delta },
        finish_reason: null,
        native_finish_reason: null,
        logprobs: null,
      }],
      ...extra,
    });

  let at = scenario.firstTokenDelayMs ?? 0;
  const steps: Step[] = [{ at, text: () => chunk({}) }];
  for (const token of reasoning) {
    steps.push({ at, text: () => chunk({ reasoning: stamp(token) }) });
    at += interval;
  }
  for (const token of tokens) {
    steps.push({ at, text: () => chunk({ content: stamp(token) }) });
    at += interval;
  }
  if (scenario.holdUntil) {
    const held = steps[1 + reasoning.length + (scenario.holdAfter ?? 1)];
    if (held) held.gate = scenario.holdUntil;
  }
  if (scenario.type === "midstream_error") {
    steps.push({
      at,
      text: () =>
        event({
          id: `gen-fake-${ctx.id}`,
          object: "chat.completion.chunk",
          model,
          error: {
            code: scenario.code ?? 502,
            message: scenario.message ?? "Provider returned error",
          },
          choices: [{
            index: 0,
            delta: { content: "" },
            finish_reason: "error",
          }],
        }),
    });
    return { steps, after: "end", comments: scenario.comments };
  }
  if (scenario.type === "stall") {
    return { steps, after: "stall", comments: scenario.comments };
  }
  const finish = scenario.finishReason === undefined
    ? "stop"
    : scenario.finishReason;
  if (finish !== null) {
    steps.push({
      at,
      text: () =>
        event({
          id: `gen-fake-${ctx.id}`,
          model,
          object: "chat.completion.chunk",
          choices: [{
            index: 0,
            delta: { content: "" },
            finish_reason: finish,
          }],
        }),
    });
  }
  if (scenario.usage !== false) {
    const usage = fakeUsage(ctx, model, tokens.length + reasoning.length);
    steps.push({ at, text: () => chunk({}, { usage }) });
  }
  if (scenario.done !== false) {
    steps.push({
      at,
      text: () => "data: [DONE]\n\n",
    });
  }
  return { steps, after: "end", comments: scenario.comments };
}

function event(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function longTokens(bytes: number): string[] {
  const sampleBytes = new TextEncoder().encode(LONG_SAMPLE).length;
  const count = Math.max(1, Math.ceil(bytes / sampleBytes));
  // Three samples per token keeps a megabyte to a few thousand chunks.
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 3) {
    tokens.push(LONG_SAMPLE.repeat(Math.min(3, count - i)));
  }
  return tokens;
}

/** Usage as OpenRouter reports it; `:free` models cost nothing. */
export function fakeUsage(
  ctx: RequestContext,
  model: string,
  completion: number,
) {
  const chars = ctx.messages.reduce((sum, m) => sum + m.content.length, 0);
  const prompt = Math.ceil(chars / 4);
  const cost = model.endsWith(":free")
    ? 0
    : Number((prompt * 3e-8 + completion * 6e-8).toPrecision(6));
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    cost,
  };
}
