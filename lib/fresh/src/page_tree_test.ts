import { h } from "preact";
import { assertEquals } from "@/tests/assert.ts";
import {
  createHandler,
  defineApp,
  defineLayout,
  defineRoute,
} from "../server.ts";
import type { LayoutProps, Manifest } from "../server.ts";

const calls: string[] = [];
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

// Fresh 1.x docs (concepts/app-wrapper, layouts, routes): async `_app`,
// `_layout` and page components receive (req, ctx); `ctx.Component` renders
// what they wrap; a Response they return is sent instead of the page.
const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: {
    "./routes/_app.tsx": {
      default: defineApp(async (req, ctx) => {
        calls.push("app");
        await tick();
        if (new URL(req.url).searchParams.has("app-redirect")) {
          return new Response(null, {
            status: 303,
            headers: { Location: "/" },
          });
        }
        return h(
          "body",
          { "data-user": ctx.state.user },
          h(ctx.Component, null),
        );
      }),
    },
    "./routes/_middleware.ts": {
      handler: (_req, ctx) => {
        ctx.state.user = "ana";
        return ctx.next();
      },
    },
    "./routes/shop/_layout.tsx": {
      default: defineLayout(async (_req, ctx) => {
        calls.push("shop layout");
        await tick();
        return h(
          "section",
          { "data-route": ctx.route },
          h(ctx.Component, null),
        );
      }),
    },
    "./routes/shop/[item].tsx": {
      default: defineRoute(async (req, ctx) => {
        calls.push("page");
        await tick();
        if (ctx.params.item === "gone") {
          return new Response("moved", { status: 410 });
        }
        return h("p", null, `${ctx.params.item} (${req.method})`);
      }),
    },
    // A sync function given to defineRoute still receives (req, ctx).
    "./routes/shop/sync.tsx": {
      default: defineRoute((_req, ctx) =>
        h("p", null, `sync ${ctx.url.pathname}`)
      ),
    },
    "./routes/plain/_layout.tsx": {
      default: ({ Component, url }: LayoutProps) =>
        h("div", { "data-path": url.pathname }, h(Component, null)),
    },
    "./routes/plain/own/_layout.tsx": {
      config: { skipInheritedLayouts: true, skipAppWrapper: true },
      default: ({ Component }: LayoutProps) =>
        h("aside", null, h(Component, null)),
    },
    "./routes/plain/own/page.tsx": { default: () => h("p", null, "own") },
    "./routes/plain/page.tsx": { default: () => h("p", null, "plain") },
  },
};
const handler = await createHandler(manifest);
const get = (path: string) => handler(new Request(`http://localhost${path}`));

Deno.test("async _app, _layout and page get (req, ctx) outermost first; ctx.Component renders the inner part", async () => {
  calls.length = 0;
  const res = await get("/shop/tea");
  assertEquals(res.status, 200);
  assertEquals(
    await res.text(),
    '<!DOCTYPE html><body data-user="ana"><section data-route="/shop/:item"><p>tea (GET)</p></section></body>',
  );
  assertEquals(calls, ["app", "shop layout", "page"]);
});

Deno.test("a Response returned by an async page or _app is the answer", async () => {
  calls.length = 0;
  const gone = await get("/shop/gone");
  assertEquals([gone.status, await gone.text()], [410, "moved"]);
  const redirect = await get("/shop/tea?app-redirect");
  assertEquals(redirect.status, 303);
  // The app answered; the layout and the page were never called.
  assertEquals(calls, ["app", "shop layout", "page", "app"]);
});

Deno.test("defineRoute() turns a plain function into an async page", async () => {
  assertEquals(
    await (await get("/shop/sync")).text(),
    '<!DOCTYPE html><body data-user="ana"><section data-route="/shop/sync"><p>sync /shop/sync</p></section></body>',
  );
});

Deno.test("a _layout with skipInheritedLayouts and skipAppWrapper drops the layouts above it and _app", async () => {
  calls.length = 0;
  assertEquals(
    await (await get("/plain/page")).text(),
    '<!DOCTYPE html><body data-user="ana"><div data-path="/plain/page"><p>plain</p></div></body>',
  );
  assertEquals(
    await (await get("/plain/own/page")).text(),
    "<!DOCTYPE html><aside><p>own</p></aside>",
  );
  assertEquals(calls, ["app"]);
});
