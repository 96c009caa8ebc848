import { h } from "preact";
import { assert, assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { createHandler, type Manifest } from "../server.ts";
import { Partial } from "../runtime.ts";
import * as Controls from "../testdata/islands/Controls.tsx";

const page = (name: string) => () =>
  h("div", null, [
    h("nav", null, [
      h("a", { href: "/a" }, "Page A"),
      h("a", { href: "/b" }, "Page B"),
      h("a", { href: "/c", "f-client-nav": false }, "Page C"),
    ]),
    h("p", { id: "outside" }, `outside ${name}`),
    h(
      Partial,
      { name: "main" },
      h("section", null, [
        h("h1", null, `Page ${name.toUpperCase()}`),
        name === "c"
          ? null
          : h(Controls.SaveButton, { label: "Save", key: name }),
      ]),
    ),
  ]);

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: { "./islands/Controls.tsx": Controls },
  routes: {
    "./routes/_app.tsx": {
      default: ({ Component, url }: { Component: () => null; url: URL }) =>
        h("html", null, [
          h("head", null, [
            h("title", null, url.pathname),
            h("link", { rel: "icon", href: "data:," }),
          ]),
          h("body", { "f-client-nav": true }, h(Component, null)),
        ]),
    },
    "./routes/a.tsx": { default: page("a") },
    "./routes/b.tsx": { default: page("b") },
    "./routes/c.tsx": { default: page("c") },
    "./routes/feed.tsx": {
      default: ({ url }: { url: URL }) => {
        const n = Number(url.searchParams.get("page") ?? 1);
        return h("div", null, [
          h(
            Partial,
            { name: "feed", mode: "append" },
            h("p", { class: "item" }, `item ${n}`),
          ),
          h(
            Partial,
            { name: "more" },
            h("button", {
              type: "button",
              "f-partial": `/feed?page=${n + 1}`,
            }, `Load page ${n + 1}`),
          ),
        ]);
      },
    },
  },
};

browserTest(
  "f-client-nav links swap <Partial>s without loading a document, islands by key; back returns; f-client-nav={false} loads normally",
  async ({ page: tab }) => {
    const handler = await createHandler(manifest);
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      handler,
    );
    const origin = `http://127.0.0.1:${server.addr.port}`;
    try {
      const requests: string[] = [];
      tab.on("request", (r) => requests.push(r.url()));
      await tab.goto(`${origin}/a`);
      await waitForIslands(tab);
      // Something only this document has: a full load would lose it.
      await tab.evaluate(() => (globalThis as { __doc?: number }).__doc = 1);
      const sameDocument = () =>
        tab.evaluate(() => ({
          doc: (globalThis as { __doc?: number }).__doc,
          loads: performance.getEntriesByType("navigation").length,
        }));

      await tab.getByRole("button", { name: "Save", exact: true }).click();
      await tab.getByRole("button", { name: "Saved" }).waitFor();
      await tab.getByRole("link", { name: "Page B" }).click();
      await tab.getByRole("heading", { name: "Page B" }).waitFor();
      assertEquals(new URL(tab.url()).pathname, "/b");
      assertEquals(await sameDocument(), { doc: 1, loads: 1 });
      assert(
        requests.some((u) => u === `${origin}/b?fresh-partial=true`),
        requests.join("\n"),
      );
      // Only the partial changed; the title followed the new page.
      assertEquals(await tab.locator("#outside").textContent(), "outside a");
      assertEquals(await tab.title(), "/b");
      // The links say which page is current now.
      const current = () =>
        tab.locator("nav a[aria-current=page]").allTextContents();
      assertEquals(await current(), ["Page B"]);
      // The island keyed for page B is a new one (page A's state is gone), and alive.
      await tab.getByRole("button", { name: "Save", exact: true }).click();
      await tab.getByRole("button", { name: "Saved" }).waitFor();

      await tab.goBack();
      await tab.getByRole("heading", { name: "Page A" }).waitFor();
      assertEquals(new URL(tab.url()).pathname, "/a");
      assertEquals(await current(), ["Page A"]);
      assertEquals(await sameDocument(), { doc: 1, loads: 1 });
      await tab.goForward();
      await tab.getByRole("heading", { name: "Page B" }).waitFor();
      assertEquals(await sameDocument(), { doc: 1, loads: 1 });

      await tab.getByRole("link", { name: "Page C" }).click();
      await tab.getByRole("heading", { name: "Page C" }).waitFor();
      await tab.waitForFunction(() =>
        (globalThis as { __doc?: number }).__doc === undefined
      );
      assertEquals(await tab.locator("#outside").textContent(), "outside c");
    } finally {
      await server.shutdown();
    }
  },
);

browserTest(
  "a button with f-partial appends to an append-mode <Partial> and replaces the others, staying on the page",
  async ({ page: tab }) => {
    const handler = await createHandler(manifest);
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      handler,
    );
    const origin = `http://127.0.0.1:${server.addr.port}`;
    try {
      await tab.goto(`${origin}/feed`);
      await waitForIslands(tab);
      await tab.getByRole("button", { name: "Load page 2" }).click();
      await tab.getByRole("button", { name: "Load page 3" }).click();
      await tab.getByRole("button", { name: "Load page 4" }).waitFor();
      assertEquals(await tab.locator(".item").allTextContents(), [
        "item 1",
        "item 2",
        "item 3",
      ]);
      assertEquals(
        new URL(tab.url()).pathname + new URL(tab.url()).search,
        "/feed",
      );
    } finally {
      await server.shutdown();
    }
  },
);
