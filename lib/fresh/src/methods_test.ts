import { h } from "preact";
import { assertEquals } from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import type { FreshContext, Manifest } from "../server.ts";

// Fresh 1.x docs (concepts/routes): "If an HTTP method does not have a
// corresponding handler, a 405 HTTP error is returned." A route with a page
// and no GET handler still renders its page for GET, and HEAD answers as GET.
const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: {
    "./routes/api/items.ts": {
      handler: {
        POST: () => new Response("made", { status: 201 }),
        DELETE: () => new Response(null, { status: 204 }),
      },
    },
    "./routes/form.tsx": {
      handler: {
        POST: (_req: Request, ctx: FreshContext) => ctx.render("sent"),
      },
      default: ({ data }: { data?: string }) => h("p", null, data ?? "blank"),
    },
    "./routes/page.tsx": { default: () => h("p", null, "page") },
    "./routes/any.ts": {
      handler: (req: Request) => new Response(`any ${req.method}`),
    },
  },
};
const handler = await createHandler(manifest);
const call = (method: string, path: string) =>
  handler(new Request(`http://localhost${path}`, { method }));

Deno.test("a method the route's handler object lacks is 405 with an Allow header listing the others", async () => {
  const res = await call("GET", "/api/items");
  assertEquals(res.status, 405);
  assertEquals(res.headers.get("Allow"), "POST, DELETE");
  assertEquals((await call("PUT", "/api/items")).status, 405);
  assertEquals((await call("POST", "/api/items")).status, 201);
  const page = await call("PATCH", "/page");
  assertEquals([page.status, page.headers.get("Allow")], [405, "GET, HEAD"]);
});

Deno.test("a page whose handler object has no GET still renders for GET and HEAD", async () => {
  assertEquals(
    await (await call("GET", "/form")).text(),
    "<!DOCTYPE html><p>blank</p>",
  );
  assertEquals(
    await (await call("POST", "/form")).text(),
    "<!DOCTYPE html><p>sent</p>",
  );
  const head = await call("HEAD", "/form");
  assertEquals([head.status, head.body], [200, null]);
  const wrong = await call("DELETE", "/form");
  assertEquals(wrong.headers.get("Allow"), "POST, GET, HEAD");
});

Deno.test("a static file's path answers other methods than GET and HEAD with 405", async () => {
  const res = await call("POST", "/site.css");
  assertEquals([res.status, res.headers.get("Allow")], [405, "GET, HEAD"]);
  assertEquals((await call("HEAD", "/site.css")).status, 200);
});

Deno.test("a handler function answers every method", async () => {
  assertEquals(await (await call("DELETE", "/any")).text(), "any DELETE");
  assertEquals(await (await call("OPTIONS", "/any")).text(), "any OPTIONS");
});
