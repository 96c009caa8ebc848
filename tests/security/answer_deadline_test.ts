/**
 * Issue 13, finding 13 (and issue 12's stalled upstreams): an answer that
 * trickles a byte at a time ends at the deadline and frees its slot.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

const app = await startApp({ ANSWER_DEADLINE_MS: "1500" });
Deno.test.afterAll(() => app.close());

Deno.test("an answer that trickles past the deadline ends as a timeout and frees its slot", async () => {
  app.fake.enqueue({ type: "rate", count: 10_000, tokensPerSecond: 20 });
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const started = Date.now();
  const done = (await client.send(id, "Halo")).at(-1)!;
  const final = done.data.message as unknown as {
    status: string;
    content: string;
    error?: { code: string };
  };
  assertEquals([final.status, final.error?.code], ["error", "timeout"]);
  assert(final.content.length > 0, "the text that arrived is kept");
  assert(Date.now() - started < 5000);
  assertEquals(app.services.runner.runningCount(), 0);
});
