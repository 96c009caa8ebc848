import { h } from "preact";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import type { Manifest } from "../server.ts";
import { StaticFiles } from "./static_files.ts";

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: { "./routes/index.tsx": { default: () => h("p", null, "home") } },
};
const handler = await createHandler(manifest);
const get = (path: string, init?: RequestInit) =>
  handler(new Request(`http://localhost${path}`, init));

// Fresh 1.x (server/context.ts) sends a strong ETag with every static file
// and answers 304 when If-None-Match names it, in its strong or weak form.
Deno.test("a static file has a strong ETag; If-None-Match with it, weak or strong, answers 304", async () => {
  const res = await get("/site.css");
  assertEquals(await res.text(), "body {}\n");
  const etag = res.headers.get("ETag")!;
  assertMatch(etag, /^"[0-9a-f]{40}"$/);
  for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
    const again = await get("/site.css", { headers: { "If-None-Match": tag } });
    assertEquals([again.status, again.body], [304, null], tag);
    assertEquals(again.headers.get("ETag"), etag);
  }
  const changed = await get("/site.css", {
    headers: { "If-None-Match": '"0000"' },
  });
  assertEquals(changed.status, 200);
  await changed.body?.cancel();
});

Deno.test("a file's ETag follows its bytes: equal bytes share it, other bytes do not", async () => {
  const files = new StaticFiles();
  const text = new TextEncoder();
  files.add("/a.txt", text.encode("same"));
  files.add("/b.txt", text.encode("same"));
  files.add("/c.txt", text.encode("different"));
  const tag = async (path: string) =>
    (await files.serve(new Request("http://x"), new URL(path, "http://x")))!
      .headers.get("ETag");
  assertEquals(await tag("/a.txt"), await tag("/b.txt"));
  assert(await tag("/a.txt") !== await tag("/c.txt"));
});

Deno.test("the gzip form of a file has its own strong ETag, and either one revalidates", async () => {
  const files = new StaticFiles();
  files.add(
    "/big.css",
    new TextEncoder().encode("p { color: red }\n".repeat(200)),
  );
  const url = new URL("http://x/big.css");
  const gzip = { "Accept-Encoding": "gzip" };
  const plain = (await files.serve(new Request(url), url))!;
  const zipped = (await files.serve(new Request(url, { headers: gzip }), url))!;
  assertEquals(zipped.headers.get("Content-Encoding"), "gzip");
  const plainTag = plain.headers.get("ETag")!,
    zippedTag = zipped.headers.get("ETag")!;
  assertEquals(zippedTag, plainTag.slice(0, -1) + '-gzip"');
  const revalidate = (tag: string) =>
    files.serve(
      new Request(url, { headers: { ...gzip, "If-None-Match": tag } }),
      url,
    );
  assertEquals((await revalidate(zippedTag))!.status, 304);
  assertEquals((await revalidate(plainTag))!.status, 304);
  await plain.body?.cancel();
  await zipped.body?.cancel();
});

// Fresh 1.x keys static files by their URL-encoded path, so a browser's
// request for "my file.txt" (sent as my%20file.txt) finds the file.
Deno.test("static files whose names have spaces or other escaped characters are served", async () => {
  const spaced = await get("/my%20file.txt");
  assertEquals([spaced.status, await spaced.text()], [200, "spaced out\n"]);
  const accented = await get(`/${encodeURIComponent("café.txt")}`);
  assertEquals([accented.status, await accented.text()], [200, "accented\n"]);
  const malformed = await get("/my%2file.txt");
  assertEquals(malformed.status, 404);
  await malformed.body?.cancel();
});

Deno.test("an asset() URL of an older build answers 307 to the plain path; the current one is immutable", async () => {
  const files = new StaticFiles("build-2");
  files.add("/app.css", new TextEncoder().encode("a {}"));
  const serve = (path: string) => {
    const url = new URL(path, "http://x");
    return files.serve(new Request(url), url);
  };
  const old = (await serve("/app.css?__frsh_c=build-1&v=1"))!;
  assertEquals(old.status, 307);
  assertEquals(old.headers.get("Location"), "/app.css?v=1");
  const current = (await serve("/app.css?__frsh_c=build-2"))!;
  assertEquals(
    current.headers.get("Cache-Control"),
    "public, max-age=31536000, immutable",
  );
  assertEquals(
    (await serve("/app.css"))!.headers.get("Cache-Control"),
    "no-cache",
  );
});
