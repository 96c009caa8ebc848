import { h } from "preact";
import { signal } from "@preact/signals";
import {
  assert,
  assertEquals,
  assertMatch,
  assertStringIncludes,
} from "@/tests/assert.ts";
import { createHandler } from "../server.ts";
import type { AppProps, Manifest } from "../server.ts";
import { Head, NONE, Partial, SELF, useCSP } from "../runtime.ts";
import * as Counter from "../testdata/islands/Counter.tsx";
import * as Controls from "../testdata/islands/Controls.tsx";
import { useState } from "preact/hooks";

function Stateful() {
  const [n] = useState(1);
  return h("b", null, n);
}

function Strict() {
  useCSP((csp) => {
    csp.directives.scriptSrc = [SELF];
    csp.directives.objectSrc = [NONE];
  });
  return null;
}

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {
    "./islands/Counter.tsx": Counter,
    "./islands/Controls.tsx": Controls,
  },
  routes: {
    "./routes/_app.tsx": {
      default: ({ Component }: AppProps) =>
        h("html", { lang: "en" }, [
          h("head", null, [h("title", null, "App title"), h(Strict, null)]),
          h("body", null, h(Component, null)),
        ]),
    },
    "./routes/csp.tsx": {
      config: { csp: true },
      default: () =>
        h("main", null, [
          h("script", {
            type: "application/json",
            id: "data",
            dangerouslySetInnerHTML: { __html: "{}" },
          }),
          h(Counter.default, { count: signal(1), label: "Count" }),
        ]),
    },
    "./routes/plain.tsx": {
      default: () => h(Counter.default, { count: signal(1), label: "Count" }),
    },
    "./routes/head.tsx": {
      default: () =>
        h("p", null, [
          h(Head, null, [
            h("title", null, "Page title"),
            h("meta", { name: "description", content: "first", key: "d" }),
            h("meta", { name: "robots", content: "none" }),
          ]),
          h(
            Head,
            null,
            h("meta", { name: "description", content: "second", key: "d" }),
          ),
          "text",
        ]),
    },
    "./routes/static.tsx": { default: () => h("p", null, "no islands") },
    "./routes/partial.tsx": {
      default: () =>
        h("div", { "f-client-nav": true }, [
          h("a", { href: "/x", "f-client-nav": false }, "out"),
          h(Partial, { name: "list", mode: "append" }, [
            h("p", null, "item"),
            h(Counter.default, {
              count: signal(2),
              label: "In partial",
              key: "c1",
            }),
            h("li", { key: "row-1" }, "keyed"),
          ]),
        ]),
    },
    "./routes/docs/intro.tsx": {
      default: () =>
        h("nav", null, [
          h("a", { href: "/" }, "home"),
          h("a", { href: "/docs" }, "docs"),
          h("a", { href: "/docs/intro?x=1" }, "intro"),
          h("a", { href: "/doc" }, "other"),
        ]),
    },
    "./routes/state/outside.tsx": { default: () => h(Stateful, null) },
    "./routes/state/island.tsx": {
      default: () => h(Controls.SaveButton, { label: "Save" }),
    },
    "./routes/state/slot.tsx": {
      default: () =>
        h(Counter.default, { count: signal(1), label: "C" }, h(Stateful, null)),
    },
    "./routes/twice.tsx": {
      default: () =>
        h("div", null, [
          h(Partial, { name: "same" }, "one"),
          h(Partial, { name: "same" }, "two"),
        ]),
    },
  },
};

const handler = await createHandler(manifest);
const get = (path: string) => handler(new Request(`http://localhost${path}`));

Deno.test("a route with csp: true sends the policy useCSP() built, its script-src holding the render's nonce", async () => {
  const res = await get("/csp");
  const html = await res.text();
  const policy = res.headers.get("Content-Security-Policy")!;
  const nonce = /'nonce-(\w+)'/.exec(policy)![1];
  // Fresh starts from default-src 'none' and style-src 'unsafe-inline'; the app's mutator added the rest.
  assertEquals(
    policy,
    `default-src 'none'; style-src 'unsafe-inline'; script-src 'self' 'nonce-${nonce}'; object-src 'none'`,
  );
  // Every script of the page, the app's own and the layer's inline boot script, carries that nonce.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert(scripts.length >= 3, scripts.join("\n"));
  for (const tag of scripts) assertMatch(tag, new RegExp(`nonce="${nonce}"`));
  assertMatch(html, /<script type="module" nonce="\w+">import\{boot\}from/);
  // The signal runtime loads with the props that hold a signal (the Counter's).
  assertStringIncludes(html, '"_f":"g"');
  assertMatch(html, /import\{signal\}from"[^"]+\/fresh-signals-\w+\.js"/);
  // A second render gets a new nonce.
  const again = (await get("/csp")).headers.get("Content-Security-Policy")!;
  assert(!again.includes(nonce));
});

Deno.test("a route without csp: true gets no policy from the framework, and useCSP() changes nothing", async () => {
  const res = await get("/plain");
  await res.body?.cancel();
  assertEquals(res.headers.get("Content-Security-Policy"), null);
});

Deno.test("<Head> children go into the document's head, its title replaces the page's and a later key wins", async () => {
  const html = await (await get("/head")).text();
  const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
  assertEquals((head.match(/<title>/g) ?? []).length, 1);
  assertMatch(head, /<title>Page title<\/title>/);
  assertMatch(head, /<meta name="robots" content="none"\/?>/);
  assertMatch(head, /<meta name="description" content="second"\/?>/);
  assert(!html.includes('content="first"'));
  assertMatch(html, /<body><p>text<\/p><\/body>/);
});

Deno.test("a page with islands lists the runtime, its islands and their chunks as modulepreload links in <head>", async () => {
  const res = await get("/plain");
  const html = await res.text();
  assertEquals(res.headers.get("Link"), null);
  const head = html.slice(0, html.indexOf("</head>"));
  const links = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)]
    .map((m) => m[1]);
  assert(links.some((l) => /\/fresh-runtime-\w+\.js$/.test(l)), links.join());
  assert(links.some((l) => /\/island-Counter-\w+\.js$/.test(l)), links.join());
  // Each preloaded file is served.
  for (const link of links) {
    const file = await get(link);
    assertEquals(file.status, 200, link);
    await file.body?.cancel();
  }
  // Without f-client-nav, the page neither loads nor preloads the navigation.
  assert(!html.includes("fresh-nav-"));
  const none = await (await get("/static")).text();
  assert(!none.includes("modulepreload"));
  assert(!none.includes("<script"));
});

Deno.test('<Partial> marks its content with its name and mode; f-client-nav renders as "true" or "false"', async () => {
  const html = await (await get("/partial")).text();
  assertMatch(
    html,
    /<div f-client-nav="true"><a href="\/x" f-client-nav="false">/,
  );
  assertMatch(
    html,
    /<!--frsh-partial:list:1:--><p>item<\/p><!--frsh-Counter_default:0:c1-->.*<!--\/frsh-Counter_default:0:c1--><li data-fresh-key="row-1">keyed<\/li><!--\/frsh-partial:list:1:-->/,
  );
  // A page with f-client-nav boots the runtime with the client navigation,
  // which it loads when idle or on a first pointer or focus, not preloaded.
  assertMatch(
    html,
    /boot\(\{[^}]*\},"__FRSH_STATE_\w+",\{navUrl:"[^"]+\/fresh-nav-\w+\.js",signal\}\)/,
  );
  assert(!/<link rel="modulepreload" href="[^"]+\/fresh-nav-/.test(html));
});

Deno.test("a ?fresh-partial request gets no preloads but the map of its islands for the client to import", async () => {
  const res = await get("/partial?fresh-partial=true");
  const html = await res.text();
  const uuid = res.headers.get("X-Fresh-UUID")!;
  assert(!html.includes("modulepreload"));
  const data = JSON.parse(
    new RegExp(
      `<script id="__FRSH_PARTIAL_DATA_${uuid}" type="application/json" nonce="\\w+">(.*?)</script>`,
    ).exec(html)![1],
  );
  assertEquals(Object.keys(data.islands), ["Counter_default"]);
  assertEquals(data.islands.Counter_default.export, "default");
  assertMatch(data.islands.Counter_default.url, /island-Counter-\w+\.js$/);
});

Deno.test("two partials of one name are an error (500), as in Fresh", async () => {
  const originalError = console.error;
  console.error = () => {};
  try {
    const res = await get("/twice");
    await res.body?.cancel();
    assertEquals(res.status, 500);
  } finally {
    console.error = originalError;
  }
});

Deno.test("links to the page and to its ancestors are marked with data-current/data-ancestor and aria-current, as Fresh marks them", async () => {
  const html = await (await get("/docs/intro")).text();
  const link = (text: string) =>
    new RegExp(`<a ([^>]*)>${text}</a>`).exec(html)![1];
  assertEquals(
    link("home"),
    'href="/" data-ancestor="true" aria-current="true"',
  );
  assertEquals(
    link("docs"),
    'href="/docs" data-ancestor="true" aria-current="true"',
  );
  assertEquals(
    link("intro"),
    'href="/docs/intro?x=1" data-current="true" aria-current="page"',
  );
  assertEquals(link("other"), 'href="/doc"');
});

Deno.test("useState outside an island is an error (500) as in Fresh, inside one it is fine, and a slot's children are outside", async () => {
  const originalError = console.error;
  const logged: string[] = [];
  console.error = (...args: unknown[]) =>
    logged.push(args.map(String).join(" "));
  try {
    const outside = await get("/state/outside");
    await outside.body?.cancel();
    assertEquals(outside.status, 500);
    assert(
      logged.some((l) =>
        l.includes(
          'Hook "useState" cannot be used outside of an island component',
        )
      ),
      logged.join("\n"),
    );
    const island = await get("/state/island");
    assertEquals(island.status, 200);
    assertMatch(await island.text(), />Save<\/button>/);
    const slot = await get("/state/slot");
    await slot.body?.cancel();
    assertEquals(slot.status, 500);
  } finally {
    console.error = originalError;
  }
});
