/**
 * Benchmark 5, first load: the JavaScript and CSS a browser fetches to show
 * a chat page, raw and gzipped: every `<link rel="modulepreload">` of the
 * page (the runtime, its islands and their shared chunks, from the build's
 * metafile; a `Link` header's too, should a framework send one) plus module
 * scripts and stylesheets linked in the HTML. The
 * budget itself is enforced by tests/first_load_test.ts (30 KB of JS).
 *
 *   deno run -A bench/first_load.ts
 */
import { Cleanup, startApp, startFake, tempKvPath } from "./harness.ts";
import { headersFor, session } from "./app_data.ts";
import { createChat, sendMessage } from "./client.ts";
import { printTable, verdict, writeResults } from "./stats.ts";

const JS_BUDGET = 30 * 1024;

async function gzipSize(data: Uint8Array): Promise<number> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** The URLs a page makes the browser load first, by kind. */
function firstLoadUrls(linkHeader: string, html: string) {
  const js = new Set(
    [...linkHeader.matchAll(/<([^>]+)>;\s*rel="?modulepreload"?/g)].map((m) =>
      m[1]
    ),
  );
  for (
    const m of html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)
  ) {
    js.add(m[1]);
  }
  for (
    const m of html.matchAll(
      /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g,
    )
  ) {
    js.add(m[1]);
  }
  const css = new Set<string>();
  for (const tag of html.match(/<link[^>]*>/g) ?? []) {
    if (!/rel="stylesheet"/.test(tag)) continue;
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href) css.add(href.replaceAll("&amp;", "&"));
  }
  return { js: [...js], css: [...css] };
}

const cleanup = new Cleanup();
try {
  const fake = await startFake([], cleanup);
  const app = await startApp(
    { fakeUrl: fake.url, kvPath: await tempKvPath(cleanup) },
    cleanup,
  );
  const { cookie } = await session();
  const chatId = await createChat(app.url, cookie);
  await (await sendMessage(app.url, cookie, chatId, "halo")).text();
  const page = await fetch(`${app.url}/chats/${chatId}`, {
    headers: headersFor(app.url, cookie),
  });
  const html = await page.text();
  const urls = firstLoadUrls(page.headers.get("Link") ?? "", html);

  const files: {
    kind: string;
    file: string;
    bytes: number;
    gzip: number;
    served: string;
  }[] = [];
  for (const [kind, list] of [["js", urls.js], ["css", urls.css]] as const) {
    for (const url of list) {
      const res = await fetch(new URL(url, app.url), {
        headers: { "Accept-Encoding": "gzip, br" },
      });
      const served = res.headers.get("Content-Encoding") ?? "identity";
      const data = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      files.push({
        kind,
        file: url,
        bytes: data.length,
        gzip: await gzipSize(data),
        served,
      });
    }
  }
  const sum = (kind: string, key: "bytes" | "gzip") =>
    files.filter((f) => f.kind === kind).reduce((n, f) => n + f[key], 0);
  const totals = {
    js: {
      files: urls.js.length,
      bytes: sum("js", "bytes"),
      gzip: sum("js", "gzip"),
    },
    css: {
      files: urls.css.length,
      bytes: sum("css", "bytes"),
      gzip: sum("css", "gzip"),
    },
    html: {
      files: 1,
      bytes: html.length,
      gzip: await gzipSize(new TextEncoder().encode(html)),
    },
  };
  printTable("First load of a chat page: files", files);
  printTable(
    "First load of a chat page: totals (bytes)",
    Object.entries(totals).map(([kind, t]) => ({
      kind,
      ...t,
      "gzip KB": t.gzip / 1024,
    })),
  );
  const targets = {
    "JS gzip (bytes)": {
      value: totals.js.gzip,
      target: JS_BUDGET,
      verdict: verdict(totals.js.gzip, JS_BUDGET),
    },
  };
  printTable(
    "Targets",
    Object.entries(targets).map(([figure, t]) => ({ figure, ...t })),
  );
  await writeResults("first_load", { files, totals, targets });
} finally {
  await cleanup.run();
}
