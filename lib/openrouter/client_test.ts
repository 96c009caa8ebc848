import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import {
  type FakeOpenRouter,
  type Scenario,
  startFakeOpenRouter,
  withFake,
} from "@/tests/fake_openrouter.ts";
import {
  type CompletionEvent,
  type CompletionOptions,
  type CompletionRequest,
  streamCompletion,
} from "./client.ts";
import { UpstreamError } from "./errors.ts";

const KEY = "sk-or-v1-test-0123456789abcdef";
const request: CompletionRequest = {
  model: "meta-llama/llama-3-8b-instruct",
  messages: [
    { role: "system", content: "Kamu asisten yang ramah." },
    { role: "user", content: "Halo, apa kabar? 😀" },
  ],
  temperature: 0.35,
};

function options(
  fake: FakeOpenRouter,
  extra: Partial<CompletionOptions> = {},
): CompletionOptions {
  return {
    apiKey: KEY,
    baseUrl: fake.baseUrl,
    appUrl: "http://localhost:8000",
    appTitle: "chatai",
    firstByteTimeoutMs: 2000,
    idleTimeoutMs: 2000,
    ...extra,
  };
}

interface Collected {
  events: CompletionEvent[];
  text: string;
  reasoning: string;
  error?: unknown;
}

/** Runs a completion to its end, keeping what arrived before any error. */
async function collect(
  fake: FakeOpenRouter,
  extra: Partial<CompletionOptions> = {},
  req: CompletionRequest = request,
): Promise<Collected> {
  const out: Collected = { events: [], text: "", reasoning: "" };
  try {
    for await (const event of streamCompletion(req, options(fake, extra))) {
      out.events.push(event);
      if (event.type === "delta") out.text += event.text;
      if (event.type === "reasoning") out.reasoning += event.text;
    }
  } catch (error) {
    out.error = error;
  }
  return out;
}

function upstreamError(result: Collected): UpstreamError {
  assert(
    result.error instanceof UpstreamError,
    `Expected an UpstreamError, got ${String(result.error)}`,
  );
  return result.error;
}

function withMessage(content: string): CompletionRequest {
  return { ...request, messages: [{ role: "user", content }] };
}

Deno.test("streamCompletion yields the model, the echoed text, the finish and the usage", async () => {
  await withFake(async (fake) => {
    const result = await collect(fake);
    assertEquals(result.error, undefined);
    assertEquals(result.events[0], {
      type: "model",
      model: "meta-llama/llama-3-8b-instruct",
    });
    assert(result.text.startsWith("Echo: Halo, apa kabar? 😀"));
    assert(result.text.includes("你好，世界 👋"));
    const types = result.events.map((e) => e.type);
    assertEquals(types.filter((t) => t === "model").length, 1);
    assertEquals(types.slice(-2), ["finish", "usage"]);
    const usage = result.events.at(-1);
    assert(usage?.type === "usage");
    assert(usage.usage.promptTokens > 0);
    assert(usage.usage.completionTokens > 0);
    assert(typeof usage.usage.cost === "number");
  });
});

Deno.test("streamCompletion sends the key, app headers, model, temperature and messages", async () => {
  await withFake(async (fake) => {
    await collect(fake);
    const [recorded] = fake.requests;
    assertEquals(recorded.method, "POST");
    assertEquals(recorded.path, "/api/v1/chat/completions");
    assertEquals(recorded.headers["authorization"], `Bearer ${KEY}`);
    assertEquals(recorded.headers["http-referer"], "http://localhost:8000");
    assertEquals(recorded.headers["x-title"], "chatai");
    assertEquals(recorded.headers["content-type"], "application/json");
    assertEquals(recorded.body, { ...request, stream: true });
  });
});

Deno.test("streamCompletion gives the same text whatever the byte splits and line endings", async () => {
  const texts = new Set<string>();
  for (const eol of ["\n", "\r\n", "\r"] as const) {
    for (const seed of [1, 2, 3, 4]) {
      await withFake(async (fake) => {
        const result = await collect(fake);
        assertEquals(result.error, undefined);
        texts.add(result.text);
      }, { eol, seed, maxPiece: 1 + seed * 3 });
    }
  }
  assertEquals(texts.size, 1);
});

Deno.test("streamCompletion yields reasoning deltas before the answer", async () => {
  await withFake(async (fake) => {
    const result = await collect(
      fake,
      {},
      withMessage("Hi [[fake:reasoning]]"),
    );
    assert(result.reasoning.includes("Pengguna menyapa"));
    const firstReasoning = result.events.findIndex((e) =>
      e.type === "reasoning"
    );
    const firstDelta = result.events.findIndex((e) => e.type === "delta");
    assert(firstReasoning >= 0 && firstReasoning < firstDelta);
  });
});

Deno.test("streamCompletion reads delta.reasoning_content as reasoning", async () => {
  await withFake(async (fake) => {
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${
        JSON.stringify({ choices: [{ delta, finish_reason: finish }] })
      }\n\n`;
    fake.enqueue({
      type: "raw",
      body: chunk({ reasoning_content: "think" }) + chunk({ content: "ok" }) +
        chunk({}, "stop") + "data: [DONE]\n\n",
    });
    const result = await collect(fake);
    assertEquals([result.reasoning, result.text], ["think", "ok"]);
  });
});

Deno.test("streamCompletion reports the model that actually answered", async () => {
  await withFake(async (fake) => {
    const result = await collect(fake, {}, {
      ...request,
      model: "openrouter/auto",
    });
    assertEquals(result.events[0], {
      type: "model",
      model: "meta-llama/llama-3-8b-instruct",
    });
  });
});

const statusCases: [number, string][] = [
  [400, "bad_request"],
  [401, "bad_key"],
  [402, "no_credits"],
  [403, "moderation"],
  [404, "bad_request"],
  [408, "timeout"],
  [422, "bad_request"],
  [429, "rate_limited"],
  [500, "provider_down"],
  [502, "provider_down"],
  [503, "provider_down"],
  [504, "provider_down"],
  [418, "upstream_error"],
];

Deno.test("streamCompletion maps each HTTP error status to its code", async () => {
  await withFake(async (fake) => {
    for (const [status, code] of statusCases) {
      const result = await collect(
        fake,
        {},
        withMessage(`[[fake:error${status}]]`),
      );
      const error = upstreamError(result);
      assertEquals(
        [error.code, error.status],
        [code, status],
        `HTTP ${status}`,
      );
      assertEquals(result.events, []);
    }
  });
});

Deno.test("streamCompletion keeps upstream's message and moderation reasons", async () => {
  await withFake(async (fake) => {
    const unknown = upstreamError(
      await collect(fake, {}, { ...request, model: "unknown/model" }),
    );
    assertEquals(unknown.detail, "unknown/model is not a valid model ID");
    const flagged = upstreamError(
      await collect(fake, {}, withMessage("[[fake:error403]]")),
    );
    assertEquals(flagged.reasons, ["harassment"]);
  });
});

Deno.test("streamCompletion reads Retry-After as seconds or as an HTTP date", async () => {
  await withFake(async (fake) => {
    const seconds = upstreamError(
      await collect(fake, {}, withMessage("[[fake:error429]]")),
    );
    assertEquals(seconds.retryAfterSeconds, 2);
    const date = new Date(Date.now() + 30_000).toUTCString();
    fake.enqueue({ type: "http_error", status: 429, retryAfter: date });
    const dated = upstreamError(await collect(fake));
    assert(
      dated.retryAfterSeconds! >= 28 && dated.retryAfterSeconds! <= 31,
      `got ${dated.retryAfterSeconds}`,
    );
  });
});

Deno.test("streamCompletion keeps the text received before a mid-stream error", async () => {
  await withFake(async (fake) => {
    const result = await collect(
      fake,
      {},
      withMessage("Satu dua tiga empat [[fake:midstream_error]]"),
    );
    assertEquals(result.text, "Echo: Satu dua ");
    const error = upstreamError(result);
    assertEquals([error.code, error.status], ["provider_down", 502]);
    assertEquals(error.detail, "Provider returned error");
  });
});

Deno.test("streamCompletion reports an in-stream error without a known code as stream_error", async () => {
  await withFake(async (fake) => {
    fake.enqueue({
      type: "midstream_error",
      code: "server_error",
      message: "Provider disconnected",
    });
    const error = upstreamError(await collect(fake));
    assertEquals([error.code, error.detail], [
      "stream_error",
      "Provider disconnected",
    ]);
  });
});

Deno.test("streamCompletion times out a stalled stream within the idle timeout", async () => {
  await withFake(async (fake) => {
    const started = performance.now();
    const result = await collect(
      fake,
      { idleTimeoutMs: 200 },
      withMessage("Satu dua tiga [[fake:stall]]"),
    );
    const elapsed = performance.now() - started;
    assertEquals(upstreamError(result).code, "timeout");
    assertEquals(result.text, "Echo: Satu dua ");
    assert(elapsed >= 190 && elapsed < 1500, `took ${elapsed} ms`);
    await fake.waitForClose(0, 500);
  });
});

Deno.test("streamCompletion times out when no byte arrives before the first-byte timeout", async () => {
  await withFake(async (fake) => {
    fake.enqueue({ type: "answer", firstTokenDelayMs: 5000, comments: false });
    const started = performance.now();
    const result = await collect(fake, { firstByteTimeoutMs: 150 });
    const elapsed = performance.now() - started;
    assertEquals(upstreamError(result).code, "timeout");
    assert(elapsed >= 140 && elapsed < 1500, `took ${elapsed} ms`);
    await fake.waitForClose(0, 500);
  });
});

Deno.test("streamCompletion counts comment lines as activity for the idle timeout", async () => {
  await withFake(async (fake) => {
    fake.enqueue({ type: "answer", firstTokenDelayMs: 700 });
    const result = await collect(fake, {
      firstByteTimeoutMs: 350,
      idleTimeoutMs: 350,
    });
    assertEquals(result.error, undefined);
    assert(result.text.startsWith("Echo:"));
  }, { commentIntervalMs: 20 });
});

Deno.test("streamCompletion does not count the consumer's own delays as upstream silence", async () => {
  await withFake(async (fake) => {
    fake.enqueue({ type: "answer", tokens: ["a", "b", "c"] });
    let text = "";
    for await (
      const event of streamCompletion(
        request,
        options(fake, { idleTimeoutMs: 150 }),
      )
    ) {
      if (event.type !== "delta") continue;
      text += event.text;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assertEquals(text, "abc");
  });
});

Deno.test("streamCompletion aborts the upstream request within 100 ms of a cancel", async () => {
  await withFake(async (fake) => {
    const controller = new AbortController();
    let text = "";
    let cancelledAt = 0;
    const run = (async () => {
      const req = withMessage(
        "satu dua tiga empat lima enam tujuh [[fake:slow]]",
      );
      for await (
        const event of streamCompletion(
          req,
          options(fake, { signal: controller.signal }),
        )
      ) {
        if (event.type === "delta") text += event.text;
        if (text.length > 10 && !cancelledAt) {
          cancelledAt = performance.now();
          controller.abort();
        }
      }
    })();
    const error = await assertRejects(() => run);
    const thrownAfter = performance.now() - cancelledAt;
    assertEquals((error as unknown as DOMException).name, "AbortError");
    await fake.waitForClose(0, 1000);
    const closedAfter = performance.now() - cancelledAt;
    assert(thrownAfter < 100, `threw ${thrownAfter} ms after the cancel`);
    assert(
      closedAfter < 100,
      `upstream closed ${closedAfter} ms after the cancel`,
    );
    assert(fake.requests[0].closedByClient);
  });
});

Deno.test("streamCompletion rethrows the abort reason while it waits for the upstream", async () => {
  await withFake(async (fake) => {
    const controller = new AbortController();
    const reason = new Error("cancelled by the user");
    setTimeout(() => controller.abort(reason), 50);
    const result = await collect(
      fake,
      { signal: controller.signal },
      withMessage("a b [[fake:stall]]"),
    );
    assertEquals(result.error, reason);
    await fake.waitForClose(0, 500);
  });
});

Deno.test("streamCompletion sends nothing when the signal is already aborted", async () => {
  await withFake(async (fake) => {
    const result = await collect(fake, { signal: AbortSignal.abort() });
    assertEquals((result.error as DOMException).name, "AbortError");
    assertEquals(fake.requests.length, 0);
  });
});

Deno.test("streamCompletion closes the connection when the consumer stops early", async () => {
  await withFake(async (fake) => {
    const req = withMessage("satu dua tiga empat [[fake:slow]]");
    for await (const event of streamCompletion(req, options(fake))) {
      if (event.type === "delta") break;
    }
    await fake.waitForClose(0, 500);
  });
});

Deno.test("streamCompletion streams a one-megabyte answer", async () => {
  await withFake(async (fake) => {
    const result = await collect(fake, {}, withMessage("[[fake:long]]"));
    assertEquals(result.error, undefined);
    const bytes = new TextEncoder().encode(result.text).length;
    assert(bytes >= 1 << 20 && bytes < (1 << 20) + 1000, `got ${bytes} bytes`);
    assert(result.text.includes("🇮🇩"));
  });
});

const unreadable: [string, Scenario][] = [
  ["broken JSON", { type: "raw", body: 'data: {"choices": [oops\n\n' }],
  ["an HTML page", {
    type: "raw",
    body: "<html></html>",
    contentType: "text/html",
  }],
  ["a JSON object that is no stream", {
    type: "raw",
    body: "{}",
    contentType: "application/json",
  }],
  ["an empty stream", { type: "raw", body: "" }],
  ["a wrongly shaped chunk", {
    type: "raw",
    body: 'data: {"choices": "x"}\n\n',
  }],
];

Deno.test("streamCompletion reports an unreadable answer as bad_response", async () => {
  await withFake(async (fake) => {
    for (const [what, scenario] of unreadable) {
      fake.enqueue(scenario);
      assertEquals(
        upstreamError(await collect(fake)).code,
        "bad_response",
        what,
      );
    }
  });
});

Deno.test("streamCompletion maps an error object in a 200 JSON answer by its code", async () => {
  await withFake(async (fake) => {
    fake.enqueue({
      type: "raw",
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: 402, message: "Insufficient credits" },
      }),
    });
    assertEquals(upstreamError(await collect(fake)).code, "no_credits");
  });
});

Deno.test("streamCompletion reports a stream cut before its end as a network error, keeping the text", async () => {
  await withFake(async (fake) => {
    const chunk = JSON.stringify({ choices: [{ delta: { content: "Halo" } }] });
    fake.enqueue({ type: "raw", body: `data: ${chunk}\n\n` });
    const result = await collect(fake);
    assertEquals(result.text, "Halo");
    assertEquals(upstreamError(result).code, "network");
  });
});

Deno.test("streamCompletion refuses a key that cannot be sent, without quoting it", async () => {
  await withFake(async (fake) => {
    for (const apiKey of ["", "sk-or-v1-with\nnewline", "sk-or-v1-ключ"]) {
      const error = upstreamError(await collect(fake, { apiKey }));
      assertEquals(error.code, "bad_key");
      if (apiKey) assert(!`${error}${error.detail}`.includes(apiKey.slice(9)));
    }
    assertEquals(fake.requests.length, 0);
  });
});

Deno.test("streamCompletion reports a refused connection as a network error", async () => {
  const fake = await startFakeOpenRouter();
  await fake.close();
  const result = await collect(fake);
  assertEquals(upstreamError(result).code, "network");
});

Deno.test("streamCompletion never puts the API key in an error", async () => {
  await withFake(async (fake) => {
    const scenarios: Scenario[] = [
      {
        type: "http_error",
        status: 401,
        message: `Incorrect API key provided: ${KEY}`,
      },
      {
        type: "http_error",
        status: 400,
        message: `Bearer ${KEY} is not valid`,
      },
      { type: "midstream_error", message: `key ${KEY} revoked` },
      { type: "raw", body: `data: {"key": "${KEY}", oops\n\n` },
      ...statusCases.map(([status]): Scenario => ({
        type: "http_error",
        status,
      })),
    ];
    for (const scenario of scenarios) {
      fake.enqueue(scenario);
      const error = upstreamError(await collect(fake));
      const seen = [
        error.message,
        error.detail ?? "",
        String(error),
        error.stack ?? "",
        JSON.stringify(error),
        String(error.cause ?? ""),
      ].join("\n");
      assert(
        !seen.includes(KEY),
        `the key leaked in ${scenario.type}: ${seen}`,
      );
      assert(!seen.includes(KEY.slice(6)), `part of the key leaked: ${seen}`);
    }
  });
});
