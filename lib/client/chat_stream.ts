/**
 * The browser side of the event stream of DESIGN.md: POSTs a turn (or
 * re-attaches to a running one) and reports events as they arrive.
 */
import type { Message } from "@/lib/chats/types.ts";
import { SseDecoder } from "@/lib/openrouter/sse.ts";

/** What a stream reports. */
export interface StreamHandlers {
  onUser?(message: Message): void;
  onStart(message: Message): void;
  onDelta(text: string): void;
  onReasoning?(text: string): void;
  onDone(message: Message): void;
}

/** An API error answer: its message is for the user, in the UI language. */
export class ApiRequestError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Reads a `text/event-stream` response to its end. */
export async function consumeStream(
  res: Response,
  handlers: StreamHandlers,
): Promise<void> {
  const decoder = new SseDecoder();
  const reader = res.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    const events = done ? decoder.end() : decoder.push(value);
    for (const event of events) {
      if (event.type !== "event") continue;
      const data = JSON.parse(event.data);
      if (event.event === "user") handlers.onUser?.(data.message);
      else if (event.event === "start") handlers.onStart(data.message);
      else if (event.event === "delta") handlers.onDelta(data.text);
      else if (event.event === "reasoning") handlers.onReasoning?.(data.text);
      else if (event.event === "done") handlers.onDone(data.message);
    }
    if (done) return;
  }
}

/** Throws the API's error of a failed response. */
export async function ensureOk(res: Response): Promise<Response> {
  if (res.ok) return res;
  let code = "internal", message = res.statusText;
  try {
    const body = await res.json();
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch { /* not JSON */ }
  throw new ApiRequestError(res.status, code, message);
}

/** A JSON request to the app's API. */
export function apiFetch(
  path: string,
  method = "GET",
  body?: unknown,
): Promise<Response> {
  return fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
