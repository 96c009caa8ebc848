import { h } from "preact";
import { assertEquals } from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import type {
  AppProps,
  FreshContext,
  LayoutProps,
  Manifest,
  PageProps,
} from "../server.ts";

const notFound = () => {
  throw new Deno.errors.NotFound("no such thing");
};

// Fresh 1.x docs (concepts/error-pages): `_404` shows when no route matches,
// on ctx.renderNotFound(), and when a handler throws Deno.errors.NotFound;
// `_500` when a middleware, handler or page throws. Both render inside `_app`
// and the root `_layout` (Fresh gives them the root's layouts, not a group's).
const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: {
    "./routes/_app.tsx": {
      default: ({ Component }: AppProps) => h("body", null, h(Component, null)),
    },
    "./routes/_layout.tsx": {
      default: ({ Component }: LayoutProps) =>
        h("main", { class: "root" }, h(Component, null)),
    },
    "./routes/(shop)/_layout.tsx": {
      default: ({ Component }: LayoutProps) =>
        h("section", { class: "shop" }, h(Component, null)),
    },
    "./routes/(shop)/items/[id].tsx": {
      handler: {
        GET: (_req: Request, ctx: FreshContext) =>
          ctx.params.id === "0"
            ? ctx.renderNotFound({ id: "0" })
            : ctx.render(),
      },
      default: () => h("p", null, "item"),
    },
    "./routes/thrown/sync.ts": { handler: { GET: notFound } },
    "./routes/thrown/async.ts": {
      handler: {
        GET: async () => {
          await Promise.resolve();
          notFound();
          return new Response("unreachable");
        },
      },
    },
    "./routes/thrown/boom.tsx": {
      default: () => {
        throw new Error("boom");
      },
    },
    "./routes/guarded/_middleware.ts": { handler: notFound },
    "./routes/guarded/index.ts": { handler: () => new Response("secret") },
    "./routes/_404.tsx": {
      // Called when no route matches; ctx.render() renders the page below.
      handler: (_req: Request, ctx: FreshContext) =>
        ctx.url.pathname === "/teapot"
          ? new Response("short and stout", { status: 418 })
          : ctx.render(),
      default: ({ data, url }: PageProps<{ id?: string } | undefined>) =>
        h("h1", null, `Not found: ${url.pathname} ${data?.id ?? "-"}`),
    },
    "./routes/_500.tsx": {
      default: ({ error }: PageProps) =>
        h("h1", null, `Failed: ${(error as Error).message}`),
    },
  },
};
const handler = await createHandler(manifest);
const get = (path: string) => handler(new Request(`http://localhost${path}`));
const page = (inner: string) =>
  `<!DOCTYPE html><body><main class="root">${inner}</main></body>`;

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = original;
  }
}

Deno.test("_404 renders inside _app and the root _layout, not a group's layout", async () => {
  const res = await get("/nowhere");
  assertEquals(res.status, 404);
  assertEquals(await res.text(), page("<h1>Not found: /nowhere -</h1>"));
  const rendered = await get("/items/0");
  assertEquals(rendered.status, 404);
  assertEquals(await rendered.text(), page("<h1>Not found: /items/0 0</h1>"));
  assertEquals(
    await (await get("/items/1")).text(),
    page('<section class="shop"><p>item</p></section>'),
  );
});

Deno.test("_404's handler answers an unmatched URL; ctx.render() there renders the 404 page", async () => {
  const res = await get("/teapot");
  assertEquals([res.status, await res.text()], [418, "short and stout"]);
  const other = await get("/kettle");
  assertEquals(other.status, 404);
  assertEquals(await other.text(), page("<h1>Not found: /kettle -</h1>"));
});

Deno.test("Deno.errors.NotFound thrown by a handler or a middleware renders _404", async () => {
  const res = await get("/thrown/sync");
  assertEquals(res.status, 404);
  assertEquals(await res.text(), page("<h1>Not found: /thrown/sync -</h1>"));
  const guarded = await get("/guarded");
  assertEquals(guarded.status, 404);
  assertEquals(await guarded.text(), page("<h1>Not found: /guarded -</h1>"));
});

// Fresh 1.x catches NotFound where it calls the handler (server/compose.ts);
// a rejected promise passes that by and reaches the error page, so the layer
// answers the same way and an app tested on it behaves alike on Fresh.
Deno.test("Deno.errors.NotFound from an async handler is a 500, as in Fresh 1.x", async () => {
  const res = await quietly(() => get("/thrown/async"));
  assertEquals(res.status, 500);
  assertEquals(await res.text(), page("<h1>Failed: no such thing</h1>"));
});

Deno.test("_500 renders inside _app and the root _layout with the error", async () => {
  const res = await quietly(() => get("/thrown/boom"));
  assertEquals(res.status, 500);
  assertEquals(await res.text(), page("<h1>Failed: boom</h1>"));
});
