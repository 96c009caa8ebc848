/** Writing `text/event-stream` responses. */

const encoder = new TextEncoder();

/** One event in wire format. */
export function encodeEvent(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The comment line that keeps proxies from closing an idle stream. */
export const KEEP_ALIVE = encoder.encode(": keep-alive\n\n");

/** Headers of an event stream. */
export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Accel-Buffering": "no",
};
