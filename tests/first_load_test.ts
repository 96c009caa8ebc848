/**
 * The JavaScript budget of a page's first load: everything the page preloads
 * (runtime, its islands, their shared chunks), gzipped.
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

/** The gzipped size of the JavaScript that `path` preloads, for `client`'s session. */
export async function firstLoadJs(
  client: ApiClient,
  path: string,
): Promise<number> {
  const page = await client.fetch(path);
  assert(page.status === 200, `${path} answered ${page.status}`);
  const html = await page.text();
  // Fresh writes <link rel="modulepreload"> tags into the page's head.
  const urls = [
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g),
  ].map((m) => /\bhref="([^"]+)"/.exec(m[0])![1]);
  assert(urls.length > 0, `${path} preloads no JavaScript`);
  let total = 0;
  for (const url of urls) {
    const res = await fetch(`${client.baseUrl}${url}`);
    total += await gzipSize(new Uint8Array(await res.arrayBuffer()));
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
