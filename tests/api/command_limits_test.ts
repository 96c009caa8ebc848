/** Commands answered without the model count against no answer limit; without a key nothing claims it was refused. */
import { assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

const app = await startApp({ RATE_LIMIT_PER_MINUTE: "1" });
Deno.test.afterAll(() => app.close());

Deno.test("local commands do not use up the answers per minute", async () => {
  const client = new ApiClient(app.url);
  const chat = await client.createChat();
  for (const command of ["!waktu", "!help", "!info_model", "!wakut"]) {
    await client.send(chat, command);
  }
  const events = await client.send(chat, "halo");
  const done = events.at(-1)!.data;
  assertEquals(done.message?.status, "complete");
  const refused = await client.fetch(`/api/chats/${chat}/messages`, {
    method: "POST",
    json: { content: "lagi" },
  });
  assertEquals(refused.status, 429, "the model's answer did count");
  await refused.body?.cancel();
});
