/**
 * The JavaScript budget of a page's first load: everything the page preloads
 * (runtime, its islands, their shared chunks), gzipped.
 */
import { assert } from "@/tests/assert.ts";
import { startApp } from "@/tests/app_server.ts";

/** The budget of the chat page's first load (the rendering issue's target). */
const BUDGET_BYTES = 30 * 1024;

async function gzipSize(data: Uint8Array): Promise<number> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** The gzipped size of the JavaScript that `path` preloads. */
export async function firstLoadJs(
  baseUrl: string,
  path: string,
): Promise<number> {
  const page = await fetch(`${baseUrl}${path}`);
  await page.body?.cancel();
  const urls = [
    ...(page.headers.get("Link") ?? "").matchAll(
      /<([^>]+)>; rel="modulepreload"/g,
    ),
  ]
    .map((m) => m[1]);
  assert(urls.length > 0, `${path} preloads no JavaScript`);
  let total = 0;
  for (const url of urls) {
    total += await gzipSize(
      new Uint8Array(await (await fetch(`${baseUrl}${url}`)).arrayBuffer()),
    );
  }
  return total;
}

Deno.test(`the first load of the home page stays within ${BUDGET_BYTES / 1024} KB of gzipped JavaScript`, async () => {
  const app = await startApp();
  try {
    const bytes = await firstLoadJs(app.url, "/");
    console.log(
      `first load of /: ${(bytes / 1024).toFixed(1)} KB gzipped JavaScript`,
    );
    assert(
      bytes <= BUDGET_BYTES,
      `the first load is ${bytes} bytes, over ${BUDGET_BYTES}`,
    );
  } finally {
    await app.close();
  }
});
