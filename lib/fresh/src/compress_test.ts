import { assertEquals } from "@/tests/assert.ts";
import { compressResponse } from "./compress.ts";

const html = "<p>halo</p>".repeat(500);
const req = (encoding?: string) =>
  new Request("http://x/", {
    headers: encoding ? { "Accept-Encoding": encoding } : {},
  });
const page = (type = "text/html; charset=utf-8") =>
  new Response(html, { headers: { "Content-Type": type } });

Deno.test("compressResponse() gzips HTML for a browser that accepts it, and it decodes back", async () => {
  const res = compressResponse(req("gzip, br"), page());
  assertEquals(res.headers.get("Content-Encoding"), "gzip");
  assertEquals(res.headers.get("Vary"), "Accept-Encoding");
  const plain = res.body!.pipeThrough(new DecompressionStream("gzip"));
  assertEquals(await new Response(plain).text(), html);
});

Deno.test("compressResponse() leaves event streams, small bodies and non-gzip clients alone", () => {
  assertEquals(
    compressResponse(req("gzip"), page("text/event-stream")).headers.get(
      "Content-Encoding",
    ),
    null,
  );
  assertEquals(
    compressResponse(req(), page()).headers.get("Content-Encoding"),
    null,
  );
  const small = new Response("tiny", {
    headers: { "Content-Type": "text/html", "Content-Length": "4" },
  });
  assertEquals(
    compressResponse(req("gzip"), small).headers.get("Content-Encoding"),
    null,
  );
});
