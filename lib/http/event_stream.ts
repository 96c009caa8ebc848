/** Answering with a `text/event-stream` (the chat events of lib/events/). */

/** Headers of an event stream: never cached, never buffered by a proxy. */
export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Accel-Buffering": "no",
};

/** An event-stream response over `body`. */
export function eventStreamResponse(
  body: ReadableStream<Uint8Array>,
): Response {
  return new Response(body, { headers: EVENT_STREAM_HEADERS });
}
