/**
 * A bare streaming proxy for stream_memory.ts: every request asks the fake
 * upstream (`UPSTREAM`) for a completion and forwards its body, read the way
 * `MODE` says: `pipe` (the body goes back untouched, never read in JS),
 * `read` (a default reader, as lib/openrouter/client.ts reads), or `byob`
 * (a BYOB reader reusing one 4 KiB buffer per stream).
 */
const upstream = Deno.env.get("UPSTREAM")!;
const mode = Deno.env.get("MODE") ?? "read";

async function forward(
  body: ReadableStream<Uint8Array>,
  out: ReadableStreamDefaultController<Uint8Array>,
) {
  if (mode === "byob") {
    const reader = body.getReader({ mode: "byob" });
    let buffer = new Uint8Array(4096);
    for (;;) {
      const { done, value } = await reader.read(buffer);
      if (done || !value) break;
      out.enqueue(value.slice());
      buffer = new Uint8Array(value.buffer);
    }
  } else {
    for await (const chunk of body) out.enqueue(chunk);
  }
  out.close();
}

Deno.serve({
  hostname: "127.0.0.1",
  port: Number(Deno.env.get("PORT")),
  onListen() {},
}, async (req) => {
  if (new URL(req.url).pathname === "/healthz") return new Response("ok");
  await req.body?.cancel();
  const res = await fetch(`${upstream}/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      model: "m",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    }),
  });
  const headers = { "Content-Type": "text/event-stream" };
  if (mode === "pipe") return new Response(res.body, { headers });
  const body = new ReadableStream<Uint8Array>({
    start: (out) => void forward(res.body!, out),
  });
  return new Response(body, { headers });
});
