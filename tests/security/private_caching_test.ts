/**
 * Issue 13, finding 11: no shared cache may keep one person's page or API
 * answer: each says `Cache-Control: no-store` and `Vary: Cookie`.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

Deno.test("pages and API answers that carry a person's data are no-store and vary by cookie", async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const id = await client.createChat({ title: "Catatan pribadi" });
    for (
      const path of [
        `/chats/${id}`,
        "/chats/import",
        "/api/chats",
        `/api/chats/${id}`,
        `/api/chats/${id}/messages`,
        "/api/export",
        "/no-such-page",
      ]
    ) {
      const res = await client.fetch(path);
      await res.body?.cancel();
      assert(res.status < 500, `${path}: ${res.status}`);
      assertEquals(res.headers.get("Cache-Control"), "no-store", path);
      assert(/\bcookie\b/i.test(res.headers.get("Vary") ?? ""), path);
    }
  } finally {
    await app.close();
  }
});
