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
  requestBody,
  requestHeaders,
} from "./request.ts";
import { SseDecoder } from "./sse.ts";

export type { CompletionEvent } from "./chunks.ts";
export {
  type ChatMessage,
  type CompletionOptions,
  type CompletionRequest,
  DEFAULT_BASE_URL,
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
  // Every failure goes through here so that a cancel or a timeout is reported
  // as such, not as the network error the aborted fetch produces.
  const failure = (error: unknown): unknown => {
    if (signal?.aborted) return signal.reason;
    if (timedOut) return new UpstreamError("timeout", { detail: timedOut });
    if (error instanceof UpstreamError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new UpstreamError("network", {
      detail: redact(message, apiKey),
      // A runtime error could quote a header value: keep it only if clean.
      cause: apiKey && message.includes(apiKey) ? undefined : error,
    });
  };

  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
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
    reader = response.body?.getReader();
    if (!response.ok) {
      const body = await readText(reader, MAX_ERROR_BODY);
      throw errorFromResponse(response.status, response.headers, body, apiKey);
    }
    if (!reader) {
      throw new UpstreamError("bad_response", {
        detail: "the answer had no body",
      });
    }
    const type = response.headers.get("content-type") ?? "";
    if (/json|html/i.test(type)) {
      throw notAStream(type, await readText(reader, MAX_ERROR_BODY), apiKey);
    }

    const sse = new SseDecoder();
    const chunks = new ChunkReader(apiKey);
    let first = true;
    while (!chunks.done) {
      if (!first) arm(idleMs, `no data for ${idleMs} ms`);
      const { done, value } = await reader.read();
      clearTimeout(timer);
      first = false;
      const events = done ? sse.end() : sse.push(value);
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
    signal?.removeEventListener("abort", onAbort);
    // Covers an early `return()` by the consumer as well: the connection is
    // closed instead of being left to drain.
    reader?.cancel().catch(() => {});
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
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  limit: number,
): Promise<string> {
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  while (text.length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
