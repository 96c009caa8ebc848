/**
 * Streams a chat completion from OpenRouter or any OpenAI-compatible server.
 *
 * Cancellation: when `options.signal` aborts, the upstream request is aborted
 * at once (the server sees the connection close) and the generator throws
 * `signal.reason` unchanged — a `DOMException` named `AbortError` unless the
 * caller passed its own reason — so callers tell a cancel from a failure with
 * `signal.aborted`. Every other failure is an {@link UpstreamError}.
 */
import { ChunkReader, type CompletionEvent } from "./chunks.ts";
import {
  errorFromResponse,
  errorFromStreamPayload,
  redact,
  UpstreamError,
} from "./errors.ts";
import {
  type CompletionOptions,
  type CompletionRequest,
  DEFAULT_BASE_URL,
  DEFAULT_STREAM_LIMITS,
  requestBody,
  requestHeaders,
} from "./request.ts";
import { SseDecoder, SseTooLongError } from "@/lib/events/sse.ts";

export type { CompletionEvent } from "./chunks.ts";
export {
  type ChatMessage,
  type CompletionOptions,
  type CompletionRequest,
  DEFAULT_BASE_URL,
  DEFAULT_STREAM_LIMITS,
  type StreamLimits,
} from "./request.ts";

const MAX_ERROR_BODY = 64 * 1024;

/**
 * POSTs `{baseUrl}/chat/completions` with `stream: true` and yields the
 * answer as it arrives. Ends at `data: [DONE]`, or at the end of the body
 * once a finish reason arrived; a body that ends before that is a `network`
 * error (the connection was cut), after the text received so far was yielded.
 */
export async function* streamCompletion(
  request: CompletionRequest,
  options: CompletionOptions,
): AsyncGenerator<CompletionEvent, void, undefined> {
  const { signal, apiKey } = options;
  const limits = { ...DEFAULT_STREAM_LIMITS, ...options.limits };
  signal?.throwIfAborted();
  const upstream = new AbortController();
  const onAbort = () => upstream.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut: string | undefined;
  const arm = (ms: number, what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = what;
      upstream.abort();
    }, ms);
  };
  // One watchdog per stream instead of a new timer per read. It counts only
  // time spent waiting for the upstream (`waitingSince`), not the consumer's
  // own delays between reads, and re-arms itself for the time left.
  let waitingSince: number | null = null;
  const watch = (ms: number, what: string) => {
    const check = () => {
      const silent = waitingSince === null
        ? 0
        : performance.now() - waitingSince;
      if (silent >= ms) {
        timedOut = what;
        upstream.abort();
      } else timer = setTimeout(check, ms - silent);
    };
    clearTimeout(timer);
    timer = setTimeout(check, ms);
  };
  // Every failure goes through here so that a cancel or a timeout is reported
  // as such, not as the network error the aborted fetch produces.
  const failure = (error: unknown): unknown => {
    if (signal?.aborted) return signal.reason;
    if (timedOut) return new UpstreamError("timeout", { detail: timedOut });
    if (error instanceof UpstreamError) return error;
    if (error instanceof SseTooLongError) {
      return new UpstreamError("bad_response", { detail: error.message });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new UpstreamError("network", {
      detail: redact(message, apiKey),
      // A runtime error could quote a header value: keep it only if clean.
      cause: apiKey && message.includes(apiKey) ? undefined : error,
    });
  };

  // The whole answer's deadline: a stream that trickles a byte at a time
  // never trips the idle watchdog, and would hold its slot for good.
  const deadline = setTimeout(() => {
    timedOut = `no complete answer within ${limits.deadlineMs} ms`;
    upstream.abort();
  }, limits.deadlineMs);
  let bytes: ChunkSource | undefined;
  try {
    // A key that cannot be a header value would make fetch throw an error
    // quoting it; refuse it here with a message that does not.
    if (!/^[\x21-\x7e]+$/.test(apiKey)) {
      throw new UpstreamError("bad_key", {
        detail: "the API key is empty or contains spaces or other characters " +
          "that are not allowed; check OPENROUTER_API_KEY",
      });
    }
    const firstByteMs = options.firstByteTimeoutMs ?? 60_000;
    const idleMs = options.idleTimeoutMs ?? 60_000;
    arm(firstByteMs, `no answer within ${firstByteMs} ms`);
    const response = await (options.fetch ?? fetch)(
      `${
        (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "")
      }/chat/completions`,
      {
        method: "POST",
        headers: requestHeaders(options),
        body: JSON.stringify(requestBody(request)),
        signal: upstream.signal,
      },
    );
    bytes = response.body ? chunkSource(response.body) : undefined;
    if (!response.ok) {
      const body = await readText(bytes, MAX_ERROR_BODY);
      throw errorFromResponse(response.status, response.headers, body, apiKey);
    }
    if (!bytes) {
      throw new UpstreamError("bad_response", {
        detail: "the answer had no body",
      });
    }
    const type = response.headers.get("content-type") ?? "";
    if (/json|html/i.test(type)) {
      throw notAStream(type, await readText(bytes, MAX_ERROR_BODY), apiKey);
    }

    const sse = new SseDecoder({ maxLength: limits.lineChars });
    const chunks = new ChunkReader(apiKey, limits);
    let first = true;
    while (!chunks.done) {
      if (!first) waitingSince = performance.now();
      const { done, value } = await bytes!.read();
      waitingSince = null;
      // A timeout aborts the request; a body that is not fetch's own (tests,
      // other runtimes) may keep reading after that.
      upstream.signal.throwIfAborted();
      if (first) watch(idleMs, `no data for ${idleMs} ms`);
      first = false;
      const events = done || !value ? sse.end() : sse.push(value);
      for (const event of events) {
        if (event.type !== "event") continue;
        for (const completion of chunks.read(event.data)) {
          // A cancel during a yield stops the rest of the batch too.
          signal?.throwIfAborted();
          yield completion;
        }
        if (chunks.done) break;
      }
      if (done) break;
    }
    if (!chunks.done && !chunks.finished) {
      throw chunks.started
        ? new UpstreamError("network", {
          detail: "the connection closed before the answer was complete",
        })
        : new UpstreamError("bad_response", {
          detail: "the answer is not an event stream of completion chunks",
        });
    }
  } catch (error) {
    throw failure(error);
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
    signal?.removeEventListener("abort", onAbort);
    // Covers an early `return()` by the consumer as well: the connection is
    // closed instead of being left to drain.
    bytes?.cancel().catch(() => {});
    upstream.abort();
  }
}

/** A 200 answer that is JSON or HTML: an error object, or a wrong endpoint. */
function notAStream(type: string, body: string, apiKey: string): UpstreamError {
  try {
    const json = JSON.parse(body);
    if (json && typeof json.error === "object") {
      return errorFromStreamPayload(json.error, apiKey);
    }
  } catch {
    // Not JSON after all: reported below like any other non-stream.
  }
  return new UpstreamError("bad_response", {
    detail: `expected an event stream, got ${type.split(";")[0]}`,
  });
}

async function readText(
  source: ChunkSource | undefined,
  limit: number,
): Promise<string> {
  if (!source) return "";
  const decoder = new TextDecoder();
  let text = "";
  while (text.length < limit) {
    const { done, value } = await source.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Reads a body's bytes, chunk by chunk. */
interface ChunkSource {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/**
 * A byte stream is read into one reused 4 KiB buffer (BYOB): a default
 * reader allocates a fresh 64 KiB buffer per read, which at a thousand
 * concurrent streams made up most of the server's memory. A completion
 * chunk is a few hundred bytes, so a bigger buffer only holds memory per
 * stream. The decoder copies what it needs before the next read reuses it.
 */
function chunkSource(body: ReadableStream<Uint8Array>): ChunkSource {
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    const reader = body.getReader();
    return { read: () => reader.read(), cancel: () => reader.cancel() };
  }
  let buffer = new Uint8Array(4 * 1024);
  return {
    async read() {
      const result = await byob!.read(buffer);
      if (result.value) buffer = new Uint8Array(result.value.buffer);
      return { done: result.done, value: result.value };
    },
    cancel: () => byob!.cancel(),
  };
}
