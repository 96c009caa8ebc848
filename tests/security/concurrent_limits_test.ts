/**
 * Issue 13, finding 2: the "at once" limits hold when the sends arrive
 * together, and a refused send never reaches the upstream.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp, type TestApp } from "@/tests/app_server.ts";

/** Completion requests the fake upstream has seen. */
const completions = (app: TestApp) =>
  app.fake.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

/** Sends `content` to every chat at once; the statuses, in order. */
async function sendAll(
  app: TestApp,
  sends: { client: ApiClient; chatId: string }[],
): Promise<number[]> {
  const responses = await Promise.all(
    sends.map(({ client, chatId }) =>
      client.fetch(`/api/chats/${chatId}/messages`, {
        method: "POST",
        json: { content: "[[fake:stall]] tunggu" },
      })
    ),
  );
  // Let the streams that started stay open while we count.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const streamed = completions(app);
  await Promise.all(
    sends.map(({ client, chatId }) =>
      client.fetch(`/api/chats/${chatId}/cancel`, { method: "POST" })
        .then((res) => res.body?.cancel())
    ),
  );
  await Promise.all(responses.map((res) => res.body?.cancel()));
  return [streamed, ...responses.map((res) => res.status)];
}

Deno.test("simultaneous sends never exceed the per-owner or instance-wide slots", async (t) => {
  const app = await startApp({
    MAX_CONCURRENT_PER_OWNER: "3",
    MAX_CONCURRENT_GENERATIONS: "5",
  });
  try {
    await t.step(
      "20 sends at once by one owner: at most 3 stream",
      async () => {
        const client = new ApiClient(app.url);
        const chats = [];
        for (let i = 0; i < 20; i++) chats.push(await client.createChat());
        const before = completions(app);
        const [upstream, ...statuses] = await sendAll(
          app,
          chats.map((chatId) => ({ client, chatId })),
        );
        const ok = statuses.filter((s) => s === 200).length;
        assert(ok >= 1 && ok <= 3, `${ok} streamed`);
        assertEquals(statuses.filter((s) => s === 429).length, 20 - ok);
        assert(
          upstream - before <= 3,
          `${upstream - before} upstream requests`,
        );
      },
    );

    await t.step(
      "20 sends at once to one chat: one streams, one request goes out",
      async () => {
        const client = new ApiClient(app.url);
        const chatId = await client.createChat();
        const before = completions(app);
        const [upstream, ...statuses] = await sendAll(
          app,
          Array.from({ length: 20 }, () => ({ client, chatId })),
        );
        assertEquals(statuses.filter((s) => s === 200).length, 1);
        assertEquals(upstream - before, 1);
      },
    );

    await t.step("30 owners at once: at most 5 stream", async () => {
      const sends = [];
      for (let i = 0; i < 30; i++) {
        const client = new ApiClient(app.url);
        sends.push({ client, chatId: await client.createChat() });
      }
      const before = completions(app);
      const [upstream, ...statuses] = await sendAll(app, sends);
      const ok = statuses.filter((s) => s === 200).length;
      assert(ok >= 1 && ok <= 5, `${ok} streamed`);
      assert(upstream - before <= 5, `${upstream - before} upstream requests`);
    });

    await t.step("slots come back when the answers end", async () => {
      const client = new ApiClient(app.url);
      const events = await client.send(await client.createChat(), "halo");
      assertEquals(events.at(-1)?.event, "done");
    });
  } finally {
    await app.close();
  }
});
