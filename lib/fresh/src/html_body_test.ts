import { assert, assertEquals } from "@/tests/assert.ts";
import { htmlBody, SLICE, sliceEnd, STREAM_FROM } from "./html_body.ts";

Deno.test("htmlBody() sends a short page as one string", () => {
  assertEquals(htmlBody("<p>halo</p>"), "<p>halo</p>");
});

Deno.test("htmlBody() sends a long page in slices that read back as the page", async () => {
  // An emoji (a surrogate pair) sits across every slice boundary.
  const html = ("x".repeat(SLICE - 1) + "😀").repeat(
    Math.ceil(STREAM_FROM / SLICE) + 2,
  );
  const body = htmlBody(html);
  assert(body instanceof ReadableStream);
  const chunks = await Array.fromAsync(body);
  assert(chunks.length > STREAM_FROM / SLICE, `${chunks.length} chunks`);
  assertEquals(await new Blob(chunks as BlobPart[]).text(), html);
});

Deno.test("sliceEnd() never cuts a surrogate pair in two", () => {
  const html = "x".repeat(SLICE - 1) + "😀" + "y".repeat(SLICE);
  assertEquals(sliceEnd(html, 0), SLICE - 1);
  assertEquals(sliceEnd("y".repeat(10), 0), 10);
});

Deno.test("htmlBody() lets timers run while a long page is read", async () => {
  const html = "<p>" + "a".repeat(40 * 1024 * 1024) + "</p>";
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    const body = htmlBody(html) as ReadableStream<Uint8Array>;
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.byteLength;
    assertEquals(bytes, html.length);
    assert(ticks > 0, "no timer ran while 40 MB were encoded");
  } finally {
    clearInterval(timer);
  }
});
