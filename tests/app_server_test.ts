import { assertEquals } from "@/tests/assert.ts";
import { scanForSecrets } from "./app_server.ts";

const info = {} as Deno.ServeHandlerInfo;

Deno.test("scanForSecrets() finds a secret in a header and in a body split across chunks", async () => {
  const leaks: string[] = [];
  const secret = "sk-or-v1-very-secret-0123";
  const handler = scanForSecrets(
    (req) => {
      const url = new URL(req.url);
      if (url.pathname === "/header") {
        return Promise.resolve(
          new Response("ok", { headers: { "X-Debug": secret } }),
        );
      }
      const body = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`before ${secret.slice(0, 9)}`));
          c.enqueue(new TextEncoder().encode(`${secret.slice(9)} after`));
          c.close();
        },
      });
      return Promise.resolve(
        new Response(url.pathname === "/body" ? body : "clean"),
      );
    },
    [secret],
    leaks,
  );
  for (const path of ["/header", "/body", "/clean"]) {
    await (await handler(new Request(`http://x${path}`), info)).text();
  }
  await new Promise((r) => setTimeout(r, 10));
  assertEquals(leaks.sort(), ["GET /body (body)", "GET /header (headers)"]);
});
