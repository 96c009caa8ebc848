/**
 * The shape of a completion request: what the caller gives, and the headers
 * and JSON body sent for it.
 */

/** OpenRouter's API root; `OPENROUTER_BASE_URL` may name another server. */
export const DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

/** One message of the conversation sent to the model. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** What to ask the model. */
export interface CompletionRequest {
  model: string;
  messages: ChatMessage[];
  /** 0 to 2; left out of the request when undefined. */
  temperature?: number;
  /** The longest answer in tokens (`max_tokens`); left out when undefined. */
  maxTokens?: number;
}

/**
 * What one answer may make the server hold: however hostile the upstream,
 * a stream past one of these ends with an error and keeps the text so far.
 */
export interface StreamLimits {
  /** Answer and reasoning text together, in characters. */
  answerChars: number;
  /** One delta, in characters. */
  deltaChars: number;
  /** One event-stream line or event, in characters. */
  lineChars: number;
  /** The `model` a chunk names; a longer one is ignored. */
  modelChars: number;
  /** The whole answer, from request to end, in milliseconds. */
  deadlineMs: number;
}

/** The limits when a caller sets none: far above any real answer. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  answerChars: 2_000_000,
  deltaChars: 256 * 1024,
  lineChars: 1024 * 1024,
  modelChars: 200,
  deadlineMs: 10 * 60_000,
};

/** Where and how to ask. */
export interface CompletionOptions {
  apiKey: string;
  /** Defaults to {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** Sent as `HTTP-Referer`: OpenRouter's app attribution. */
  appUrl?: string;
  /** Sent as `X-Title`. */
  appTitle?: string;
  signal?: AbortSignal;
  /** Longest wait from the request to the first body byte; default 60 s. */
  firstByteTimeoutMs?: number;
  /** Longest silence between body bytes (comments count); default 60 s. */
  idleTimeoutMs?: number;
  /** See {@link StreamLimits}; each defaults to {@link DEFAULT_STREAM_LIMITS}. */
  limits?: Partial<StreamLimits>;
  /** Injectable for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** The headers of a completion request. */
export function requestHeaders(options: CompletionOptions): Headers {
  const headers = new Headers({
    "Authorization": `Bearer ${options.apiKey}`,
    "Content-Type": "application/json",
    "Accept": "text/event-stream",
  });
  if (options.appUrl) headers.set("HTTP-Referer", latin1(options.appUrl));
  if (options.appTitle) headers.set("X-Title", latin1(options.appTitle));
  return headers;
}

/** Header values must be Latin-1; anything else would make fetch throw. */
function latin1(value: string): string {
  return value.replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}

/** The JSON body of a streamed completion request. */
export function requestBody(request: CompletionRequest) {
  return {
    model: request.model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    ...(request.temperature === undefined
      ? {}
      : { temperature: request.temperature }),
    ...(request.maxTokens === undefined
      ? {}
      : { max_tokens: request.maxTokens }),
    stream: true,
  };
}
