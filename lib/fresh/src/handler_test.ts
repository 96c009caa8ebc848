import { h } from "preact";
import { signal } from "@preact/signals";
import {
  assert,
  assertEquals,
  assertMatch,
  assertStringIncludes,
} from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import { asset } from "../runtime.ts";
import type { AppProps, FreshContext, Manifest, PageProps } from "../server.ts";
import * as Counter from "../testdata/islands/Counter.tsx";
import * as Badge from "../testdata/islands/Badge.tsx";

const count = signal(1);
const calls: string[] = [];

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {
    "./islands/Counter.tsx": Counter,
    "./islands/Badge.tsx": Badge,
  },
  routes: {
    "./routes/_app.tsx": {
      default: ({ Component }: AppProps) =>
        h("html", null, h("body", null, h(Component, null))),
    },
    "./routes/_middleware.ts": {
      handler: async (_req: Request, ctx: FreshContext) => {
        calls.push("root");
        ctx.state.user = "ana";
        const res = await ctx.next();
        res.headers.set("X-Root", "1");
        return res;
      },
    },
    "./routes/(shop)/_layout.tsx": {
      default: ({ Component }: AppProps) =>
        h("section", { class: "layout" }, h(Component, null)),
    },
    "./routes/(shop)/_middleware.ts": {
      handler: (_req: Request, ctx: FreshContext) => {
        calls.push("shop");
        return ctx.next();
      },
    },
    "./routes/(shop)/items/[id].tsx": {
      handler: {
        GET: (_req: Request, ctx: FreshContext) =>
          ctx.render({ id: ctx.params.id }),
      },
      default: ({ data, state }: PageProps<{ id: string }>) =>
        h("p", null, `item ${data.id} for ${state.user}`),
    },
    "./routes/islands.tsx": {
      default: () =>
        h("main", null, [
          h(Counter.default, {
            count,
            label: "Count",
            children: h(Badge.default, { text: "slotted" }),
          }),
          h(Counter.default, { count, label: "Again" }),
        ]),
    },
    "./routes/bad.tsx": {
      default: () =>
        h(Badge.default, { text: "x", onClick: () => {} } as never),
    },
    "./routes/async.tsx": {
      default: async (_req: Request, ctx: FreshContext) => {
        await Promise.resolve();
        return ctx.url.searchParams.has("redirect")
          ? new Response(null, { status: 303, headers: { Location: "/" } })
          : h("p", null, "async page");
      },
    },
    "./routes/api/echo.ts": {
      handler: { POST: async (req: Request) => new Response(await req.text()) },
    },
    "./routes/throws.ts": {
      handler: () => {
        throw new Error("boom");
      },
    },
    "./routes/steps/_middleware.ts": {
      handler: [
        async (_req: Request, ctx: FreshContext) => {
          calls.push("first");
          const res = await ctx.next();
          res.headers.append("X-Steps", "first");
          return res;
        },
        (_req: Request, ctx: FreshContext) => {
          calls.push("second");
          return ctx.next();
        },
      ],
    },
    "./routes/steps/index.ts": {
      handler: () => new Response(calls.join(",")),
    },
    "./routes/caught/_middleware.ts": {
      handler: (_req: Request, ctx: FreshContext) =>
        ctx.next().catch((error) =>
          new Response(`caught: ${error.message}`, { status: 418 })
        ),
    },
    "./routes/caught/sync.ts": {
      handler: {
        GET: () => {
          throw new Error("thrown at once");
        },
      },
    },
    "./routes/caught/async.ts": {
      handler: {
        GET: async () => {
          await Promise.resolve();
          throw new Error("thrown later");
        },
      },
    },
    "./routes/_404.tsx": { default: () => h("h1", null, "Custom not found") },
    "./routes/_500.tsx": { default: () => h("h1", null, "Custom error") },
  },
};

const handler = await createHandler(manifest);
const get = (path: string, init?: RequestInit) =>
  handler(new Request(`http://localhost${path}`, init));

Deno.test("createHandler() runs middlewares root first and wraps the page in layouts and _app", async () => {
  calls.length = 0;
  const res = await get("/items/42");
  assertEquals(res.status, 200);
  assertEquals(res.headers.get("X-Root"), "1");
  assertEquals(calls, ["root", "shop"]);
  assertEquals(
    await res.text(),
    '<!DOCTYPE html><html><body><section class="layout"><p>item 42 for ana</p></section></body></html>',
  );
});

Deno.test("createHandler() marks islands, serializes their props and writes modulepreload links", async () => {
  const res = await get("/islands");
  const html = await res.text();
  assertStringIncludes(
    html,
    '<!--frsh-Counter_default:0:--><div class="counter">',
  );
  assertStringIncludes(
    html,
    '<!--frsh-slot-Counter_default:0:children--><!--frsh-Badge_default:1:--><span class="badge">slotted</span><!--/frsh-Badge_default:1:--><!--/frsh-slot-Counter_default:0:children-->',
  );
  // Badge used inside Counter's own render is part of Counter, not an island of its own.
  assertStringIncludes(html, '<span class="badge">inner</span>');
  assertEquals((html.match(/<!--frsh-Badge/g) ?? []).length, 1);
  const uuid = res.headers.get("X-Fresh-UUID")!;
  const state = JSON.parse(
    html.match(
      new RegExp(
        `<script id="__FRSH_STATE_${uuid}" type="application/json" nonce="\\w+">(.*?)</script>`,
      ),
    )![1],
  );
  assertEquals(state.props[0], { count: { _f: "g", v: 1 }, label: "Count" });
  assertEquals(state.props[2].count, { _f: "r", v: 0 });
  assertMatch(
    html,
    /<link rel="modulepreload" href="\/_frsh\/js\/\w+\/fresh-runtime-\w+\.js">/,
  );
  assertMatch(
    html,
    /<link rel="modulepreload" href="[^"]+island-Counter-\w+\.js">/,
  );
});

Deno.test("createHandler() answers a function prop with an error naming the island and prop", async () => {
  const originalError = console.error;
  const logged: unknown[] = [];
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    const res = await get("/bad");
    assertEquals(res.status, 500);
    assertStringIncludes(await res.text(), "Custom error");
    assertStringIncludes(
      String((logged[0] as unknown[])[1]),
      'Island "Badge" prop "onClick" is a function',
    );
  } finally {
    console.error = originalError;
  }
});

Deno.test("createHandler() serves island bundles with immutable caching", async () => {
  const html = await (await get("/islands")).text();
  const src = html.match(/import\{boot\}from"([^"]+)"/)![1];
  const res = await get(src);
  assertEquals(res.status, 200);
  assertEquals(
    res.headers.get("Cache-Control"),
    "public, max-age=31536000, immutable",
  );
  assertStringIncludes(res.headers.get("Content-Type")!, "javascript");
  await res.body?.cancel();
});

Deno.test("createHandler() serves static files with an ETag and answers 304 to a match", async () => {
  const res = await get("/site.css");
  assertEquals(await res.text(), "body {}\n");
  const etag = res.headers.get("ETag")!;
  assert(etag);
  assertEquals(res.headers.get("Cache-Control"), "no-cache");
  const again = await get("/site.css", { headers: { "If-None-Match": etag } });
  assertEquals(again.status, 304);
  const busted = await get(asset("/site.css"));
  assertEquals(
    busted.headers.get("Cache-Control"),
    "public, max-age=31536000, immutable",
  );
  await busted.body?.cancel();
});

Deno.test("createHandler() renders async routes and passes their Responses through", async () => {
  assertStringIncludes(await (await get("/async")).text(), "<p>async page</p>");
  assertEquals((await get("/async?redirect")).status, 303);
});

Deno.test("createHandler() answers 404 with _404, 405 with Allow, and HEAD without a body", async () => {
  const missing = await get("/nope");
  assertEquals(missing.status, 404);
  assertStringIncludes(await missing.text(), "Custom not found");
  const wrong = await get("/api/echo");
  assertEquals(wrong.status, 405);
  assertEquals(wrong.headers.get("Allow"), "POST");
  await wrong.body?.cancel();
  const head = await get("/items/1", { method: "HEAD" });
  assertEquals(head.status, 200);
  assertEquals(head.body, null);
  const echo = await get("/api/echo", { method: "POST", body: "hi" });
  assertEquals(await echo.text(), "hi");
});

Deno.test("createHandler() renders _500 when a handler throws", async () => {
  const originalError = console.error;
  console.error = () => {};
  try {
    const res = await get("/throws");
    assertEquals(res.status, 500);
    assertStringIncludes(await res.text(), "Custom error");
  } finally {
    console.error = originalError;
  }
});

Deno.test("createHandler() runs a _middleware's array of handlers in order, each around the next", async () => {
  calls.length = 0;
  const res = await get("/steps");
  assertEquals(await res.text(), "root,first,second");
  assertEquals(res.headers.get("X-Steps"), "first");
  assertEquals(res.headers.get("X-Root"), "1");
});

Deno.test("createHandler() rejects ctx.next() with a route's error, thrown at once or later, for the middleware to answer", async () => {
  for (
    const [path, message] of [
      ["/caught/sync", "thrown at once"],
      ["/caught/async", "thrown later"],
    ]
  ) {
    const res = await get(path);
    assertEquals(res.status, 418, path);
    assertEquals(await res.text(), `caught: ${message}`);
  }
});
