import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp, TEST_API_KEY } from "@/tests/app_server.ts";

const app = await startApp({ UPSTREAM_TIMEOUT_MS: "400" });
const client = new ApiClient(app.url);
// A leak found by the secret scan or a failed close fails the run.
Deno.test.afterAll(() => app.close());

const cases: [string, string, string][] = [
  ["[[fake:error401]]", "bad_key", "API key was refused"],
  ["[[fake:error402]]", "no_credits", "run out of credits"],
  ["[[fake:error403]]", "moderation", "blocked"],
  ["[[fake:error429]]", "rate_limited", "Try again in 2 s"],
  ["[[fake:error502]]", "provider_down", "unavailable"],
  ["[[fake:error503]]", "provider_down", "unavailable"],
  ["[[fake:bad_json]]", "bad_response", "could not be read"],
];

for (const [marker, code, text] of cases) {
  Deno.test(`an upstream ${marker} ends the answer with status error and a clear message`, async () => {
    const id = await client.createChat();
    const events = await client.send(id, `${marker} halo`);
    const final = events.at(-1)!.data.message! as unknown as {
      status: string;
      error: { code: string; message: string };
    };
    assertEquals(final.status, "error");
    assertEquals(final.error.code, code);
    assertStringIncludes(final.error.message, text);
    assert(!final.error.message.includes(TEST_API_KEY));
    assertEquals(events.filter((e) => e.event === "error").length, 1);
  });
}

Deno.test("an error in the middle of a stream keeps the text received before it", async () => {
  const id = await client.createChat();
  const events = await client.send(id, "[[fake:midstream_error]] halo");
  const final = events.at(-1)!.data.message!;
  assertEquals(final.status, "error");
  assert(final.content.length > 0, "the partial text is kept");
  const { messages } = await client.json<
    { messages: { content: string; status: string }[] }
  >(`/api/chats/${id}`);
  assertEquals(messages[1].content, final.content);
});

Deno.test("a stalled stream times out with the partial text kept", async () => {
  const id = await client.createChat();
  const events = await client.send(id, "[[fake:stall]] halo");
  const final = events.at(-1)!.data.message! as unknown as {
    status: string;
    content: string;
    error: { code: string };
  };
  assertEquals([final.status, final.error.code], ["error", "timeout"]);
  assert(final.content.length > 0);
});

Deno.test("a 1 MB answer streams, is saved and reads back intact", async () => {
  const id = await client.createChat();
  const events = await client.send(id, "[[fake:long]] tulis panjang");
  const final = events.at(-1)!.data.message!;
  assertEquals(final.status, "complete");
  assert(
    final.content.length > 500_000,
    `got ${final.content.length} characters`,
  );
  const { messages } = await client.json<{ messages: { content: string }[] }>(
    `/api/chats/${id}`,
  );
  assertEquals(messages[1].content, final.content);
});
