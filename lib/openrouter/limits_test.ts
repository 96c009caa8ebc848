import { assert, assertEquals } from "@/tests/assert.ts";
import { type CompletionEvent, streamCompletion } from "./client.ts";
import { UpstreamError } from "./errors.ts";
import type { StreamLimits } from "./request.ts";

const chunk = (fields: Record<string, unknown>) =>
  `data: ${JSON.stringify(fields)}\n\n`;
const delta = (content: string) => chunk({ choices: [{ delta: { content } }] });
const FINISH = chunk({ choices: [{ delta: {}, finish_reason: "stop" }] }) +
  "data: [DONE]\n\n";

/** Streams `body` (or a never-ending trickle) through `streamCompletion`. */
async function run(
  body: string | ReadableStream<Uint8Array>,
  limits: Partial<StreamLimits> = {},
  extra: { maxTokens?: number } = {},
) {
  let sent: Record<string, unknown> = {};
  const events: CompletionEvent[] = [];
  let error: unknown;
  try {
    for await (
      const event of streamCompletion(
        { model: "m/x", messages: [{ role: "user", content: "hi" }], ...extra },
        {
          apiKey: "sk-test-0123456789",
          limits,
          fetch: (_url, init) => {
            sent = JSON.parse(String(init?.body));
            return Promise.resolve(
              new Response(body, {
                headers: { "Content-Type": "text/event-stream" },
              }),
            );
          },
        },
      )
    ) events.push(event);
  } catch (e) {
    error = e;
  }
  const text = events.map((e) => e.type === "delta" ? e.text : "").join("");
  return { events, text, error, sent };
}

const codeOf = (error: unknown) => (error as UpstreamError).code;

Deno.test("an answer longer than answerChars ends as too_long, keeping the text so far", async () => {
  const { text, error } = await run(
    delta("a".repeat(600)) + delta("b".repeat(600)) + FINISH,
    { answerChars: 1000 },
  );
  assertEquals(codeOf(error), "too_long");
  assertEquals(text, "a".repeat(600));
});

Deno.test("a delta longer than deltaChars is a bad_response", async () => {
  const { error } = await run(delta("x".repeat(101)) + FINISH, {
    deltaChars: 100,
  });
  assertEquals(codeOf(error), "bad_response");
});

Deno.test("a stream line with no end, longer than lineChars, is a bad_response", async () => {
  const { error } = await run(`data: ${"y".repeat(5000)}`, { lineChars: 1000 });
  assertEquals(codeOf(error), "bad_response");
  assert(String((error as Error).message).includes("longer than 1000"));
});

Deno.test("a model name longer than modelChars is ignored", async () => {
  const { events, error } = await run(
    chunk({ model: "m".repeat(300), choices: [{ delta: { content: "ok" } }] }) +
      FINISH,
  );
  assertEquals(error, undefined);
  assert(!events.some((e) => e.type === "model"));
});

Deno.test("implausible usage is dropped; plausible usage is kept", async () => {
  for (
    const usage of [
      { prompt_tokens: 1e300, completion_tokens: 1 },
      { prompt_tokens: -5, completion_tokens: 1 },
      { prompt_tokens: 1.5, completion_tokens: 1 },
    ]
  ) {
    const { events } = await run(delta("a") + chunk({ usage }) + FINISH);
    assert(!events.some((e) => e.type === "usage"), JSON.stringify(usage));
  }
  const { events } = await run(
    delta("a") +
      chunk({ usage: { prompt_tokens: 5, completion_tokens: 2, cost: -1 } }) +
      FINISH,
  );
  assertEquals(events.find((e) => e.type === "usage"), {
    type: "usage",
    usage: { promptTokens: 5, completionTokens: 2 },
  });
});

Deno.test("an answer that trickles past deadlineMs ends as a timeout", async () => {
  let timer: ReturnType<typeof setInterval>;
  const trickle = new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(": keep\n");
      timer = setInterval(() => controller.enqueue(bytes), 10);
    },
    cancel: () => clearInterval(timer),
  });
  const { error } = await run(trickle, { deadlineMs: 100 });
  clearInterval(timer!);
  assertEquals(codeOf(error), "timeout");
});

Deno.test("maxTokens is sent as max_tokens; without it none is sent", async () => {
  assertEquals(
    (await run(FINISH, {}, { maxTokens: 4096 })).sent.max_tokens,
    4096,
  );
  assert(!("max_tokens" in (await run(FINISH)).sent));
});
