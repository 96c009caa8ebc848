import { assertEquals, assertThrows } from "@/tests/assert.ts";
import { ChunkReader } from "./chunks.ts";
import { UpstreamError } from "./errors.ts";

const read = (payload: unknown) =>
  new ChunkReader().read(JSON.stringify(payload));

Deno.test("ChunkReader reads text, reasoning, the model, the finish and usage", () => {
  const reader = new ChunkReader();
  assertEquals(
    reader.read(JSON.stringify({
      model: "m/1",
      choices: [{ delta: { content: "Hal", reasoning: "hmm" } }],
    })),
    [
      { type: "model", model: "m/1" },
      { type: "reasoning", text: "hmm" },
      { type: "delta", text: "Hal" },
    ],
  );
  assertEquals(
    reader.read(JSON.stringify({
      model: "m/1",
      choices: [{ delta: { content: "o" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 2, cost: 0.5 },
    })),
    [
      { type: "delta", text: "o" },
      { type: "finish", reason: "stop" },
      {
        type: "usage",
        usage: { promptTokens: 3, completionTokens: 2, cost: 0.5 },
      },
    ],
  );
  assertEquals(reader.finished, true);
});

Deno.test("ChunkReader ignores fields it does not use and accepts nulls", () => {
  assertEquals(
    read({
      id: "gen-1",
      object: "chat.completion.chunk",
      provider: { name: "x" },
      model: null,
      choices: [{
        index: 0,
        delta: { role: "assistant", content: "a", reasoning: null },
        finish_reason: null,
        logprobs: { whatever: [1] },
      }],
      usage: null,
    }),
    [{ type: "delta", text: "a" }],
  );
  assertEquals(read({ choices: [{ delta: null }] }), []);
  assertEquals(read({ choices: [] }), []);
});

Deno.test("ChunkReader names the first field of a chunk with the wrong shape", () => {
  const cases: [unknown, string][] = [
    [[1, 2], "root"],
    ["text", "root"],
    [{ model: 5 }, "model"],
    [{ choices: {} }, "choices"],
    [{ choices: [7] }, "choices.0"],
    [{ choices: [{ delta: "x" }] }, "choices.0.delta"],
    [{ choices: [{}, { delta: { content: 1 } }] }, "choices.1.delta.content"],
    [
      { choices: [{ delta: { reasoning_content: [] } }] },
      "choices.0.delta.reasoning_content",
    ],
    [{ choices: [{ finish_reason: 0 }] }, "choices.0.finish_reason"],
    [{ usage: { prompt_tokens: 1 } }, "usage.completion_tokens"],
    [
      { usage: { prompt_tokens: 1, completion_tokens: 1, cost: "1" } },
      "usage.cost",
    ],
    [{ error: "boom" }, "error"],
  ];
  for (const [payload, path] of cases) {
    const error = assertThrows(() => read(payload), UpstreamError);
    assertEquals(error.code, "bad_response");
    assertEquals(
      error.message.endsWith(`unexpected shape (${path})`),
      true,
      `${JSON.stringify(payload)}: ${error.message}`,
    );
  }
});

Deno.test("ChunkReader turns an error object in the stream into its UpstreamError", () => {
  const error = assertThrows(
    () => read({ error: { code: 429, message: "Rate limit exceeded" } }),
    UpstreamError,
  );
  assertEquals(error.code, "rate_limited");
});
