import { assertEquals } from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import type { FreshContext, Manifest } from "../server.ts";
import { serverOptions } from "./serve.ts";

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: {
    "./routes/items/[id].ts": {
      handler: (_req: Request, ctx: FreshContext) =>
        Response.json({
          route: ctx.route,
          pattern: ctx.pattern,
          basePath: ctx.basePath,
          isPartial: ctx.isPartial,
          params: ctx.params,
        }),
    },
  },
};
const handler = await createHandler(manifest);
const json = async (path: string) =>
  await (await handler(new Request(`http://localhost${path}`))).json();

// Fresh 1.x's FreshContext (server/types.ts) carries `pattern` (the old name
// of `route`), `basePath` and `isPartial` (`?fresh-partial` in the URL).
Deno.test("the context has Fresh's route, pattern, basePath and isPartial", async () => {
  assertEquals(await json("/items/7"), {
    route: "/items/:id",
    pattern: "/items/:id",
    basePath: "",
    isPartial: false,
    params: { id: "7" },
  });
  assertEquals((await json("/items/7?fresh-partial=true")).isPartial, true);
});

Deno.test("serverOptions() lays Fresh's deprecated top-level port and hostname over config.server", () => {
  assertEquals(
    serverOptions({ port: 3000, server: { port: 8000, hostname: "::1" } }),
    { port: 3000, hostname: "::1" },
  );
  assertEquals(serverOptions({ hostname: "127.0.0.1" }), {
    hostname: "127.0.0.1",
  });
});
