import { assert, assertEquals } from "@/tests/assert.ts";
import { compressResponse } from "@/lib/fresh/src/compress.ts";
import { SecretScan } from "./secret_scan.ts";
import { ApiClient, startApp, TEST_API_KEY } from "./app_server.ts";

const info = {} as Deno.ServeHandlerInfo;
const secret = "sk-or-v1-very-secret-0123";

/** A page of JSON big enough for the app's compressor, with `secret` inside. */
function jsonWith(text: string): Response {
  const padding = "x".repeat(4096);
  return new Response(JSON.stringify({ padding, text }), {
    headers: { "Content-Type": "application/json" },
  });
}

function encoded(text: string, format: CompressionFormat, coding: string) {
  return new Response(
    new Blob([text]).stream().pipeThrough(new CompressionStream(format)),
    { headers: { "Content-Encoding": coding } },
  );
}

/** Reads each path through `scan.wrap(handler)` and returns the leaks found. */
async function leaksOf(
  handler: (req: Request) => Response,
  paths: string[],
): Promise<string[]> {
  const scan = new SecretScan([secret]);
  const wrapped = scan.wrap((req) => handler(req));
  for (const path of paths) {
    await (await wrapped(new Request(`http://x${path}`), info)).arrayBuffer();
  }
  await scan.settled();
  return scan.leaks.sort();
}

Deno.test("SecretScan finds a secret in a header and in a body split across chunks", async () => {
  const leaks = await leaksOf((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/header") {
      return new Response("ok", { headers: { "X-Debug": secret } });
    }
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(`before ${secret.slice(0, 9)}`));
        c.enqueue(new TextEncoder().encode(`${secret.slice(9)} after`));
        c.close();
      },
    });
    return new Response(path === "/body" ? body : "clean");
  }, ["/header", "/body", "/clean"]);
  assertEquals(leaks, ["GET /body (body)", "GET /header (headers)"]);
});

Deno.test("SecretScan finds a key in a body the app's compressor gzipped", async () => {
  const gzipped = (req: Request) =>
    compressResponse(
      new Request(req.url, { headers: { "Accept-Encoding": "gzip" } }),
      jsonWith(new URL(req.url).pathname === "/leak" ? secret : "nothing"),
    );
  // The bytes on the wire do not show the key: only decoding finds it.
  const wire = gzipped(new Request("http://x/leak"));
  assertEquals(wire.headers.get("Content-Encoding"), "gzip");
  const raw = new TextDecoder().decode(await wire.arrayBuffer());
  assert(!raw.includes(secret), "gzip hides the key from a plain search");

  assertEquals(await leaksOf(gzipped, ["/leak", "/clean"]), [
    "GET /leak (body)",
  ]);
});

Deno.test("SecretScan decodes deflate and brotli bodies, and names a coding it cannot read", async () => {
  const leaks = await leaksOf((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/deflate") return encoded(secret, "deflate", "deflate");
    if (path === "/br") return encoded(secret, "brotli", "br");
    if (path === "/clean-br") return encoded("clean", "brotli", "br");
    return new Response("??", { headers: { "Content-Encoding": "zstd" } });
  }, ["/deflate", "/br", "/clean-br", "/zstd"]);
  assertEquals(leaks, [
    "GET /br (body)",
    "GET /deflate (body)",
    'GET /zstd (body in unknown encoding "zstd", not scanned)',
  ]);
});

Deno.test("a test app fails at close when its key reached a page, gzipped or not", async () => {
  const app = await startApp();
  const client = new ApiClient(app.url);
  // A title is shown on the page, so a key typed as a title reaches the HTML.
  const id = await client.createChat({ title: TEST_API_KEY });
  const page = await client.fetch(`/chats/${id}`);
  // lib/fresh gzips pages itself, real Fresh leaves that to Deno.serve (after
  // the scan); the gzip path on its own is tested above and below.
  assert(
    [null, "gzip"].includes(page.headers.get("Content-Encoding")),
    `unexpected Content-Encoding ${page.headers.get("Content-Encoding")}`,
  );
  await page.text();
  let error: Error | undefined;
  try {
    await app.close();
  } catch (thrown) {
    error = thrown as Error;
  }
  assert(error, "close() throws");
  assert(
    error.message.includes(`GET /chats/${id} (body)`),
    error.message,
  );
});

Deno.test("SecretScan searches the part of a gzipped body a client read before it cancelled", async () => {
  const scan = new SecretScan([secret]);
  let stopped = false;
  const wrapped = scan.wrap(() => {
    const gzip = new CompressionStream("gzip");
    const writer = gzip.writable.getWriter();
    // The secret, then a body that never ends until the client leaves.
    writer.write(new TextEncoder().encode(`${secret} ${"x".repeat(70_000)}`));
    const body = gzip.readable.pipeThrough(
      new TransformStream({
        flush() {},
        cancel() {
          stopped = true;
        },
      }),
    );
    return new Response(body, { headers: { "Content-Encoding": "gzip" } });
  });
  const res = await wrapped(new Request("http://x/stream"), info);
  const reader = res.body!.getReader();
  await reader.read();
  await reader.cancel();
  await scan.settled();
  assertEquals(scan.leaks, ["GET /stream (body)"]);
  assert(stopped, "the cancel reached the app's stream");
});

Deno.test("SecretScan.add() makes a secret handed out later (a person's key) count as a leak", async () => {
  const scan = new SecretScan([secret]);
  const later = "sk-or-v1-personal-handed-out-later";
  const wrapped = scan.wrap(() => new Response(`key: ${later}`));
  await (await wrapped(new Request("http://x/before"), info)).arrayBuffer();
  await scan.settled();
  assertEquals(scan.leaks, []);
  scan.add(later);
  await (await wrapped(new Request("http://x/after"), info)).arrayBuffer();
  await scan.settled();
  assertEquals(scan.leaks, ["GET /after (body)"]);
});
