/**
 * A page's HTML as a response body. A long page (a chat holding a 1 MB
 * answer) is sent in slices, each encoded (and then compressed) in a task of
 * its own as the connection asks for it, instead of one encode and one gzip
 * of megabytes that keep every other request of the server waiting.
 */

/** Pages shorter than this (in UTF-16 units) go out as one string. */
export const STREAM_FROM = 64 * 1024;
/** UTF-16 units per slice. */
export const SLICE = 16 * 1024;
/** Encoding and compressing slices without a pause stops after this long. */
const BUSY_MS = 4;

/** The body of a page whose HTML is `html`. */
export function htmlBody(html: string): string | ReadableStream<Uint8Array> {
  if (html.length < STREAM_FROM) return html;
  const encoder = new TextEncoder();
  let at = 0;
  let since = performance.now();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // The consumer may pull slice after slice within one task: a timer
      // lets other requests in between.
      if (performance.now() - since > BUSY_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        since = performance.now();
      }
      const end = sliceEnd(html, at);
      controller.enqueue(encoder.encode(html.slice(at, end)));
      at = end;
      if (at >= html.length) controller.close();
    },
  }, { highWaterMark: 0 });
}

/** Where the slice from `start` ends: never between a surrogate pair's halves. */
export function sliceEnd(html: string, start: number): number {
  let end = Math.min(start + SLICE, html.length);
  const last = html.charCodeAt(end - 1);
  if (end < html.length && last >= 0xd800 && last <= 0xdbff) end--;
  return end;
}
