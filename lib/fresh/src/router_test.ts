import { assertEquals, assertThrows } from "@/tests/assert.ts";
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

// Fresh 1.x docs (concepts/routing): `docs/[[version]]/index.ts` is
// `/docs{/:version}?` and matches `/docs`, `/docs/latest`, `/docs/canary`.
Deno.test("pathToPattern() makes a [[name]] segment optional, as Fresh's routing table shows", () => {
  assertEquals(pathToPattern("docs/[[version]]/index"), "/docs{/:version}?");
  assertEquals(pathToPattern("i18n/[[lang]]/about"), "/i18n{/:lang}?/about");
  assertEquals(pathToPattern("[[lang]]"), "{/:lang}?");
});

Deno.test("matchRoute() matches an optional segment present or absent; absent is an empty param", () => {
  const page = { default: () => null };
  const table = buildRouteTable({
    "./routes/docs/[[version]]/index.tsx": page,
    "./routes/docs/[[version]]/api.tsx": page,
    "./routes/docs/faq.tsx": page,
    "./routes/[[lang]]/about.tsx": page,
    "./routes/about.tsx": page,
  });
  const match = (path: string) => {
    const m = matchRoute(table, new URL(path, "http://x"));
    return m && [m.route.pattern, m.params];
  };
  assertEquals(match("/docs"), ["/docs{/:version}?", { version: "" }]);
  assertEquals(match("/docs/latest"), ["/docs{/:version}?", {
    version: "latest",
  }]);
  assertEquals(match("/docs/canary/api"), ["/docs{/:version}?/api", {
    version: "canary",
  }]);
  assertEquals(match("/docs/api"), ["/docs{/:version}?/api", { version: "" }]);
  // A static route beats the optional parameter.
  assertEquals(match("/docs/faq"), ["/docs/faq", {}]);
  assertEquals(match("/docs/a/b/c"), null);
  assertEquals(match("/about"), ["/about", {}]);
  assertEquals(match("/id/about"), ["{/:lang}?/about", { lang: "id" }]);
});

Deno.test("pathToPattern() refuses an optional parameter that is part of a segment, and neighbouring params", () => {
  assertThrows(() => pathToPattern("foo-[[bar]]"), SyntaxError, "whole path");
  assertThrows(() => pathToPattern("[[bar]]-foo"), SyntaxError, "whole path");
  assertThrows(() => pathToPattern("[a][b]"), SyntaxError, "between");
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

// Fresh 1.x hands URLPattern's groups over as they are: no decoding.
Deno.test("matchRoute() gives params as the URL has them, escapes kept, as Fresh 1.x does", () => {
  const table = buildRouteTable({
    "./routes/chats/[id].tsx": { default: () => null },
  });
  const match = matchRoute(table, new URL("http://x/chats/a%20b"));
  assertEquals(match?.params, { id: "a%20b" });
  assertEquals(
    matchRoute(table, new URL("http://x/chats/%E0%A4%A"))?.params,
    { id: "%E0%A4%A" },
  );
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
