/**
 * A turn sends its upstream request before it has stored anything (see
 * lib/generation/run_turn.ts): these tests hold it to what that must
 * not change.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import {
  ApiClient,
  readEvents,
  startApp,
  type TestApp,
} from "@/tests/app_server.ts";

/** The completion requests the fake upstream received (not the model list). */
const completions = (app: TestApp) =>
  app.fake.requests.filter((r) => r.path.endsWith("/chat/completions"));

Deno.test("a turn that is refused sends nothing upstream and stores nothing", async () => {
  const app = await startApp({ RATE_LIMIT_PER_MINUTE: "2" });
  try {
    const client = new ApiClient(app.url);
    const chat = await client.createChat();
    const running = await client.fetch(`/api/chats/${chat}/messages`, {
      method: "POST",
      json: { content: "[[fake:slow=30]] panjang" },
    });
    for (
      const [path, json] of [["messages", { content: "lagi" }], [
        "regenerate",
        {},
      ]] as const
    ) {
      const refused = await client.fetch(`/api/chats/${chat}/${path}`, {
        method: "POST",
        json,
      });
      assertEquals(refused.status, 409, path);
      await refused.body?.cancel();
    }
    await client.json(`/api/chats/${chat}/cancel`, { method: "POST" });
    await readEvents(running);

    const other = await client.createChat();
    await client.send(other, "dua");
    const limited = await client.fetch(`/api/chats/${other}/messages`, {
      method: "POST",
      json: { content: "tiga" },
    });
    assertEquals(limited.status, 429);
    await limited.body?.cancel();

    assertEquals(completions(app).length, 2, "only the two answers asked");
    const { messages } = await client.json<{ messages: { content: string }[] }>(
      `/api/chats/${other}`,
    );
    assertEquals(messages.map((m) => m.content)[0], "dua");
    assertEquals(messages.length, 2);
  } finally {
    await app.close();
  }
});

Deno.test("two sends at once in one chat: one is answered, the other is refused and its request upstream closed", async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const chat = await client.createChat();
    await client.send(chat, "pertama");
    const [a, b] = await Promise.all(
      ["A", "B"].map((content) =>
        client.fetch(`/api/chats/${chat}/messages`, {
          method: "POST",
          json: { content: `[[fake:slow=5]] ${content}` },
        })
      ),
    );
    assertEquals([a.status, b.status].sort(), [200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    await lost.body?.cancel();
    const events = await readEvents(won);
    assertEquals(events.at(-1)?.event, "done");
    // Both may have passed the first, read-only checks and asked upstream;
    // the refused one's request must then have been closed.
    const asked = completions(app).slice(1);
    assert(asked.length >= 1 && asked.length <= 2, `${asked.length} requests`);
    const ends = await Promise.all(asked.map((r) => r.ended));
    assertEquals(ends.filter((how) => how === "finished").length, 1);
    const { messages } = await client.json<{ messages: { role: string }[] }>(
      `/api/chats/${chat}`,
    );
    assertEquals(messages.map((m) => m.role), [
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
  } finally {
    await app.close();
  }
});
