/**
 * Issue 13, finding 10: a page of another site whose name points at a local
 * chatai (DNS rebinding) cannot drive it: the app answers only its own host
 * names, and takes changes only from its own origins.
 */
import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { startApp, type TestApp } from "@/tests/app_server.ts";

/** One raw HTTP/1.1 exchange (fetch() would not send our own `Host`). */
async function raw(
  app: TestApp,
  request: { method: string; path: string; headers: Record<string, string> },
): Promise<{ status: number; text: string }> {
  const port = Number(new URL(app.url).port);
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const body = request.method === "POST" ? "{}" : "";
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`),
    ...(body ? ["Content-Type: application/json"] : []),
    `Content-Length: ${body.length}`,
    "Accept-Language: en",
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  await conn.write(new TextEncoder().encode(head + body));
  const text = await new Response(conn.readable).text();
  return { status: Number(text.split(" ")[1]), text };
}

/** A request as the browser sends it from a page at `host` (Host and Origin alike). */
function from(app: TestApp, host: string, path: string, post = false) {
  const port = new URL(app.url).port;
  return raw(app, {
    method: post ? "POST" : "GET",
    path,
    headers: {
      Host: `${host}:${port}`,
      ...(post ? { Origin: `http://${host}:${port}` } : {}),
    },
  });
}

Deno.test("a rebound host name is refused for pages and changes; the app's own names keep working", async (t) => {
  await t.step(
    "without APP_URL: loopback, IP literals and listed hosts only",
    async () => {
      const app = await startApp({ ALLOWED_HOSTS: "mybox.lan" });
      try {
        for (
          const [path, post] of [["/", false], ["/api/chats", true]] as const
        ) {
          const evil = await from(app, "evil.example", path, post);
          assertEquals(evil.status, 403, `${path} from evil.example`);
          assertStringIncludes(evil.text, "does not answer to this address");
        }
        assertEquals(
          (await from(app, "evil.example", "/api/chats")).status,
          403,
        );
        for (
          const host of ["localhost", "127.0.0.1", "192.168.1.20", "mybox.lan"]
        ) {
          assertEquals(
            (await from(app, host, "/api/chats", true)).status,
            201,
            host,
          );
        }
      } finally {
        await app.close();
      }
    },
  );

  await t.step(
    "with APP_URL: its host, ALLOWED_ORIGINS and loopback only",
    async () => {
      const app = await startApp({
        APP_URL: "https://chat.example.com",
        ALLOWED_ORIGINS: "https://chat2.example.com",
      });
      try {
        assertEquals((await from(app, "192.168.1.20", "/")).status, 403);
        assertEquals(
          (await from(app, "evil.example", "/api/chats")).status,
          403,
        );
        // A browser at the app's own origin, through a proxy to loopback.
        const port = new URL(app.url).port;
        for (
          const origin of [
            "https://chat.example.com",
            "https://chat2.example.com",
          ]
        ) {
          const res = await raw(app, {
            method: "POST",
            path: "/api/chats",
            headers: { Host: `127.0.0.1:${port}`, Origin: origin },
          });
          assertEquals(res.status, 201, origin);
        }
        assertEquals(
          (await from(app, "chat.example.com", "/api/chats")).status,
          200,
        );
      } finally {
        await app.close();
      }
    },
  );
});
