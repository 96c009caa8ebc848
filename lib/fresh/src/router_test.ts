import { assertEquals } from "@/tests/assert.ts";
import {
  ancestorDirs,
  buildRouteTable,
  matchRoute,
  pathToPattern,
} from "./router.ts";

Deno.test("pathToPattern() maps index, params, catch-alls and drops groups", () => {
  assertEquals(pathToPattern("index"), "/");
  assertEquals(pathToPattern("chats/[id]"), "/chats/:id");
  assertEquals(pathToPattern("(app)/chats/[id]/index"), "/chats/:id");
  assertEquals(pathToPattern("files/[...path]"), "/files/:path*");
  assertEquals(
    pathToPattern("api/chats/[id]/messages/[mid]"),
    "/api/chats/:id/messages/:mid",
  );
});

Deno.test("matchRoute() prefers static segments over params over catch-alls", () => {
  const page = { default: () => null };
  const table = buildRouteTable({
    "./routes/[...rest].tsx": page,
    "./routes/chats/[id].tsx": page,
    "./routes/chats/new.tsx": page,
    "./routes/index.tsx": page,
  });
  const route = (path: string) =>
    matchRoute(table, new URL(path, "http://x"))?.route.pattern;
  assertEquals(route("/chats/new"), "/chats/new");
  assertEquals(route("/chats/abc"), "/chats/:id");
  assertEquals(route("/"), "/");
  assertEquals(route("/a/b/c"), "/:rest*");
});

Deno.test("matchRoute() decodes params and refuses malformed escapes", () => {
  const table = buildRouteTable({
    "./routes/chats/[id].tsx": { default: () => null },
  });
  const match = matchRoute(table, new URL("http://x/chats/a%20b"));
  assertEquals(match?.params, { id: "a b" });
  assertEquals(matchRoute(table, new URL("http://x/chats/%E0%A4%A")), null);
});

Deno.test("buildRouteTable() sorts out _app, _layout, _middleware, _404 and _500", () => {
  const mod = { default: () => null };
  const table = buildRouteTable({
    "./routes/_app.tsx": mod,
    "./routes/_404.tsx": mod,
    "./routes/_500.tsx": mod,
    "./routes/(app)/_layout.tsx": mod,
    "./routes/(app)/_middleware.ts": { handler: () => new Response() },
    "./routes/(app)/chats/[id].tsx": mod,
  });
  assertEquals(table.routes.map((r) => [r.pattern, r.dir]), [[
    "/chats/:id",
    "(app)/chats",
  ]]);
  assertEquals([...table.layouts.keys()], ["(app)"]);
  assertEquals([...table.middlewares.keys()], ["(app)"]);
  assertEquals([!!table.app, !!table.notFound, !!table.error], [
    true,
    true,
    true,
  ]);
});

Deno.test("ancestorDirs() lists the folders from the root down", () => {
  assertEquals(ancestorDirs(""), [""]);
  assertEquals(ancestorDirs("(app)/chats"), ["", "(app)", "(app)/chats"]);
});
