import { h } from "preact";
import { assertEquals } from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import type { Manifest } from "../server.ts";
import { collapseSlashes, slashRedirect } from "./trailing_slash.ts";

const page = (text: string) => ({ default: () => h("p", null, text) });
const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: {
    "./routes/index.tsx": page("home"),
    "./routes/about.tsx": page("about"),
    "./routes/docs/[[version]].tsx": page("docs"),
  },
};
const plain = await createHandler(manifest);
const slashed = await createHandler(manifest, {
  router: { trailingSlash: true },
});
const get = (handler: typeof plain, path: string, init?: RequestInit) =>
  handler(new Request(`http://localhost:8000${path}`, init));

// Fresh 1.x (server/context.ts): "/about/" → 307 "/about", query kept.
Deno.test("a path with a trailing slash answers 307 to the path without it, query kept", async () => {
  const res = await get(plain, "/about/?tab=2");
  assertEquals(res.status, 307);
  assertEquals(res.headers.get("Location"), "/about?tab=2");
  const post = await get(plain, "/about//", { method: "POST", body: "x" });
  assertEquals([post.status, post.headers.get("Location")], [307, "/about"]);
  assertEquals((await get(plain, "/")).status, 200);
  assertEquals(
    await (await get(plain, "/about")).text(),
    "<!DOCTYPE html><p>about</p>",
  );
});

Deno.test("the trailing-slash redirect cannot send the browser to another host", async () => {
  for (
    const path of ["//evil.example/", "/\\evil.example/", "///evil.example//"]
  ) {
    const res = await get(plain, path);
    assertEquals(res.status, 307, path);
    assertEquals(res.headers.get("Location"), "/evil.example", path);
  }
});

Deno.test("runs of slashes inside a path route as one", async () => {
  assertEquals(
    await (await get(plain, "//about")).text(),
    "<!DOCTYPE html><p>about</p>",
  );
  assertEquals(collapseSlashes("//a///b/"), "/a/b/");
});

// Fresh 1.x docs (server-configuration): `router: { trailingSlash: true }`
// makes `/about/` the URL; Fresh answers 308 to it, but not for file names.
Deno.test("with trailingSlash, a page path without the slash answers 308 to the path with it", async () => {
  const res = await get(slashed, "/about?tab=2");
  assertEquals(res.status, 308);
  assertEquals(
    res.headers.get("Location"),
    "http://localhost:8000/about/?tab=2",
  );
  assertEquals(
    await (await get(slashed, "/about/")).text(),
    "<!DOCTYPE html><p>about</p>",
  );
  assertEquals(
    await (await get(slashed, "/docs/")).text(),
    "<!DOCTYPE html><p>docs</p>",
  );
  assertEquals((await get(slashed, "/docs/v1/")).status, 200);
  assertEquals((await get(slashed, "/")).status, 200);
  // The static file is served as is; an unknown file name is a 404, not a redirect.
  assertEquals((await get(slashed, "/site.css")).status, 200);
  assertEquals((await get(slashed, "/nope.txt")).status, 404);
});

Deno.test("slashRedirect() leaves the layer's own /_frsh/ URLs alone", () => {
  assertEquals(slashRedirect(new URL("http://x/_frsh/js/abc"), true), null);
  assertEquals(
    slashRedirect(new URL("http://x/_frsh/js/abc/"), false)?.status,
    307,
  );
});
