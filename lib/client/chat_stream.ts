/**
 * The browser side of the event stream of DESIGN.md: POSTs a turn (or
 * re-attaches to a running one) and reports events as they arrive.
 */
import type { Message } from "@/lib/chats/types.ts";
import { readChatEvents } from "@/lib/events/chat_events.ts";

/** What a stream reports. */
export interface StreamHandlers {
  onUser?(message: Message, title?: string): void;
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

/**
 * Reads a `text/event-stream` response to its end; returns its `done`
 * message, or null when the stream ended without one (a broken connection
 * that closed cleanly). A connection that breaks otherwise throws.
 */
export async function consumeStream(
  res: Response,
  handlers: StreamHandlers,
): Promise<Message | null> {
  let final: Message | null = null;
  for await (const { event, data } of readChatEvents(res.body!)) {
    switch (event) {
      case "user":
        handlers.onUser?.(data.message, data.title);
        break;
      case "start":
        handlers.onStart(data.message);
        break;
      case "delta":
        handlers.onDelta(data.text);
        break;
      case "reasoning":
        handlers.onReasoning?.(data.text);
        break;
      case "done":
        final = data.message;
        handlers.onDone(data.message);
        break;
    }
  }
  return final;
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
