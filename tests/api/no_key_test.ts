/** Without an API key for OpenRouter nothing is sent or stored, and the answer says that no key is set. */
import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import type { Message } from "@/lib/chats/types.ts";

const app = await startApp({
  OPENROUTER_API_KEY: "",
  OPENROUTER_BASE_URL: "https://openrouter.ai/api/v1",
});
Deno.test.afterAll(() => app.close());

Deno.test("a message without a key set is refused as 'no key', stores nothing and asks nobody", async () => {
  const client = new ApiClient(app.url);
  const chat = await client.createChat();
  const res = await client.fetch(`/api/chats/${chat}/messages`, {
    method: "POST",
    json: { content: "halo" },
  });
  const body = await res.json();
  assertEquals(res.status, 409);
  assertStringIncludes(body.error.message, "No OpenRouter API key is set");
  const { messages } = await client.json<{ messages: Message[] }>(
    `/api/chats/${chat}`,
  );
  assertEquals(messages, []);
  // Commands need no key.
  const help = await client.send(chat, "!help");
  assertEquals(
    help.at(-1)!.data.message?.command,
    true,
  );
});
