/**
 * Issue 13, finding 13: a hostile upstream cannot make one answer grow
 * without bound, store absurd figures, or hold its slot for good.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

// One app per module: the app's services are global to the process.
const app = await startApp({ MAX_ANSWER_TOKENS: "512" });
Deno.test.afterAll(() => app.close());

type Final = {
  status: string;
  content: string;
  model?: string;
  usage?: unknown;
  error?: { code: string; message: string };
};

async function answer(on = app): Promise<Final> {
  const client = new ApiClient(on.url);
  const id = await client.createChat();
  const events = await client.send(id, "Halo");
  const done = events.at(-1)!;
  assertEquals(done.event, "done");
  return done.data.message as unknown as Final;
}

const sse = (...chunks: unknown[]) =>
  chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("") +
  "data: [DONE]\n\n";
const delta = (content: string) => ({ choices: [{ delta: { content } }] });
const stop = { choices: [{ delta: {}, finish_reason: "stop" }] };

Deno.test("every request carries the operator's max_tokens", async () => {
  await answer();
  const body = app.fake.requests.at(-1)!.body as { max_tokens?: number };
  assertEquals(body.max_tokens, 512);
});

Deno.test("an answer longer than the cap ends as an error and keeps its text", async () => {
  // About 2.2 million characters: the sample has emoji and CJK text.
  app.fake.enqueue({ type: "long", bytes: 2_500_000 });
  const final = await answer();
  assertEquals(final.status, "error");
  assertEquals(final.error?.code, "too_long");
  assert(final.content.length > 1_000_000 && final.content.length <= 2_000_000);
});

Deno.test("one line of 1.2 MB without an end is refused, not buffered", async () => {
  app.fake.enqueue({
    type: "raw",
    body: `data: ${"x".repeat(1_200_000)}`,
    maxPiece: 16384,
  });
  const final = await answer();
  assertEquals([final.status, final.error?.code], ["error", "bad_response"]);
});

Deno.test("a 300 KB model name and absurd usage are not stored", async () => {
  app.fake.enqueue({
    type: "raw",
    maxPiece: 16384,
    body: sse(
      { model: "m".repeat(300_000), ...delta("Hai") },
      stop,
      { usage: { prompt_tokens: 1e300, completion_tokens: -5, cost: 1e300 } },
    ),
  });
  const final = await answer();
  assertEquals([final.status, final.content], ["complete", "Hai"]);
  assert((final.model ?? "").length < 200, "the model asked for is kept");
  assertEquals(final.usage, undefined);
});
