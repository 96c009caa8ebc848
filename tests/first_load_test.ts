/**
 * The JavaScript budget of a page's first load: everything the page loads
 * before it runs (runtime, its islands, their shared chunks), gzipped.
 */
import { assert } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

/** The budget of the chat page's first load (the rendering issue's target). */
const BUDGET_BYTES = 25 * 1024;

async function gzipSize(data: Uint8Array): Promise<number> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/**
 * The module URLs a page names for its first load: `modulepreload` links (as
 * a `Link` header, as lib/fresh sends them, or as `<link>` tags, as Fresh
 * writes them), module scripts, and what its inline module scripts import.
 */
function pageModules(html: string, linkHeader: string): string[] {
  const urls = [
    ...linkHeader.matchAll(/<([^>]+)>;\s*rel="?modulepreload"?/g),
  ].map((m) => m[1]);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\brel="modulepreload"/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) urls.push(href);
  }
  for (
    const [, attrs, body] of html.matchAll(/<script\b([^>]*)>(.*?)<\/script>/gs)
  ) {
    if (!/\btype="module"/.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    urls.push(...(src ? [src] : staticImports(body)));
  }
  return urls;
}

/** The modules a script imports statically, i.e. before it runs (not `import()`). */
function staticImports(code: string): string[] {
  const statement =
    /(?:^|[;\n])\s*(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']([^"']+)["']/g;
  return [...code.matchAll(statement)].map((m) => m[1]);
}

/**
 * The gzipped size of the JavaScript the first load of `path` fetches for
 * `client`'s session: the page's modules and everything they import
 * statically, each once.
 */
export async function firstLoadJs(
  client: ApiClient,
  path: string,
): Promise<number> {
  const page = await client.fetch(path);
  assert(page.status === 200, `${path} answered ${page.status}`);
  const pageUrl = new URL(path, client.baseUrl);
  const queue = pageModules(await page.text(), page.headers.get("Link") ?? "")
    .map((url) => new URL(url, pageUrl).href);
  assert(queue.length > 0, `${path} loads no JavaScript`);
  const seen = new Set<string>();
  let total = 0;
  for (let url = queue.shift(); url; url = queue.shift()) {
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(url);
    assert(res.ok, `${url} answered ${res.status}`);
    const code = new Uint8Array(await res.arrayBuffer());
    total += await gzipSize(code);
    queue.push(
      ...staticImports(new TextDecoder().decode(code)).map((spec) =>
        new URL(spec, url).href
      ),
    );
  }
  return total;
}

Deno.test(`the first load of a chat page stays within ${BUDGET_BYTES / 1024} KB of gzipped JavaScript`, async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const id = await client.createChat();
    await client.send(id, "halo");
    const bytes = await firstLoadJs(client, `/chats/${id}`);
    // No island prop of the chat page is a signal: it loads no signal runtime.
    const html = await (await client.fetch(`/chats/${id}`)).text();
    assert(!html.includes("fresh-signals"), "the chat page loads signals");
    console.log(
      `first load of a chat page: ${
        (bytes / 1024).toFixed(1)
      } KB gzipped JavaScript`,
    );
    assert(
      bytes <= BUDGET_BYTES,
      `the first load is ${bytes} bytes, over ${BUDGET_BYTES}`,
    );
  } finally {
    await app.close();
  }
});
