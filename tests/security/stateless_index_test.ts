/**
 * Issue 13, finding 16: `GET /` and `HEAD /` of a visitor without chats
 * store nothing; the page shows an unsaved new chat that its first message
 * stores (before the fix every such request stored an empty chat).
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

async function keyCount(kv: Deno.Kv): Promise<number> {
  let count = 0;
  for await (const _ of kv.list({ prefix: [] })) count++;
  return count;
}

Deno.test("200 cookie-less GETs and HEADs of /, 100 at a time, store nothing; the first message stores the chat", async (t) => {
  const app = await startApp();
  try {
    await t.step("no KV keys added", async () => {
      const before = await keyCount(app.services.kv);
      for (let batch = 0; batch < 2; batch++) {
        await Promise.all(
          Array.from({ length: 100 }, async (_, i) => {
            const res = await fetch(`${app.url}/`, {
              method: i % 2 ? "HEAD" : "GET",
              redirect: "manual",
            });
            await res.body?.cancel();
            assertEquals(res.status, 200);
          }),
        );
      }
      assertEquals(await keyCount(app.services.kv), before);
    });

    await t.step(
      "a new visitor sends a first message from that page",
      async () => {
        const client = new ApiClient(app.url);
        const page = await client.fetch("/");
        const html = await page.text();
        const chatId = /"chatId":"([0-9A-Za-z_-]+)"/.exec(html)?.[1];
        assert(chatId, "the page names its unsaved chat");
        assertEquals(
          (await client.json<{ chats: unknown[] }>("/api/chats")).chats.length,
          0,
        );
        const events = await client.send(chatId, "Halo, apa kabar?");
        assertEquals(events.at(-1)?.event, "done");
        const { chats } = await client.json<
          { chats: { id: string; title: string }[] }
        >("/api/chats");
        assertEquals(chats.map((c) => c.id), [chatId]);
        assertEquals(chats[0].title, "Halo, apa kabar?");
        const again = await client.fetch("/", { redirect: "manual" });
        await again.body?.cancel();
        assertEquals(again.headers.get("Location"), `/chats/${chatId}`);
      },
    );

    await t.step(
      "an id that is not a fresh unsaved chat's is still a 404",
      async () => {
        const client = new ApiClient(app.url);
        const res = await client.fetch("/api/chats/not-an-id/messages", {
          method: "POST",
          json: { content: "halo" },
        });
        await res.body?.cancel();
        assertEquals(res.status, 404);
      },
    );
  } finally {
    await app.close();
  }
});
