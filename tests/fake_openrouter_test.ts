import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { cliOptions } from "./fake/cli.ts";
import { scenarioFromMarker } from "./fake/scenarios.ts";
import {
  type FakeOpenRouter,
  parseStamps,
  startFakeOpenRouter,
  withFake,
} from "./fake_openrouter.ts";

function complete(
  fake: FakeOpenRouter,
  content: string,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  return fetch(`${fake.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      model: "meta-llama/llama-3-8b-instruct",
      messages: [{ role: "user", content }],
      stream: true,
      ...extra,
    }),
  });
}

/** The raw chunks of a response body, as the client receives them. */
async function chunks(response: Response): Promise<Uint8Array[]> {
  return await Array.fromAsync(response.body!);
}

function text(parts: Uint8Array[]): string {
  return new TextDecoder().decode(
    new Uint8Array(parts.flatMap((part) => [...part])),
  );
}

Deno.test("the fake splits its SSE inside UTF-8 characters", async () => {
  await withFake(async (fake) => {
    const parts = await chunks(await complete(fake, "Halo 你好 😀"));
    assert(parts.length > 20, `only ${parts.length} chunks`);
    const strict = new TextDecoder("utf-8", { fatal: true });
    const cutInsideCharacter = parts.some((part) => {
      try {
        strict.decode(part);
        return false;
      } catch {
        return true;
      }
    });
    assert(cutInsideCharacter, "no chunk ends or starts inside a character");
  });
});

Deno.test("the fake streams OpenRouter's framing: comments, a role chunk, usage, then [DONE]", async () => {
  await withFake(async (fake) => {
    const body = text(await chunks(await complete(fake, "satu dua tiga")));
    assert(body.startsWith(": OPENROUTER PROCESSING\n\n"));
    const data = body.split("\n").filter((line) => line.startsWith("data: "))
      .map((line) => line.slice(6));
    assertEquals(data.at(-1), "[DONE]");
    const first = JSON.parse(data[0]);
    assertEquals(first.choices[0].delta.role, "assistant");
    const last = JSON.parse(data.at(-2)!);
    assert(last.usage.prompt_tokens > 0 && last.usage.completion_tokens > 0);
    assertEquals(typeof last.usage.cost, "number");
    const answer = data.slice(0, -1).map((d) => JSON.parse(d))
      .map((c) => c.choices[0]?.delta?.content ?? "").join("");
    assert(answer.startsWith("Echo: satu dua tiga"), answer);
  });
});

Deno.test("the fake records method, path, headers and body", async () => {
  await withFake(async (fake) => {
    await chunks(await complete(fake, "hi", { temperature: 0.5 }));
    const [recorded] = fake.requests;
    assertEquals(recorded.method, "POST");
    assertEquals(recorded.path, "/api/v1/chat/completions");
    assertEquals(recorded.headers["content-type"], "application/json");
    assertEquals((recorded.body as { temperature: number }).temperature, 0.5);
    assertEquals(recorded.scenario, "answer");
    assertEquals(await recorded.ended, "finished");
    assertEquals(recorded.closedByClient, false);
  });
});

Deno.test("the fake answers HTTP errors with OpenRouter's JSON body", async () => {
  await withFake(async (fake) => {
    for (const status of [401, 402, 403, 408, 429, 500, 502, 503]) {
      const response = await complete(fake, `[[fake:error${status}]]`);
      assertEquals(response.status, status);
      const body = await response.json();
      assertEquals(body.error.code, status);
      assert(body.error.message.length > 0);
      assertEquals(
        response.headers.get("retry-after"),
        status === 429 ? "2" : null,
      );
    }
  });
});

Deno.test("the fake sends an error object after some text with status 200", async () => {
  await withFake(async (fake) => {
    const response = await complete(fake, "a b c d [[fake:midstream_error]]");
    assertEquals(response.status, 200);
    const body = text(await chunks(response));
    assert(body.includes('"error":{"code":502'));
    assert(!body.includes("[DONE]"));
  });
});

Deno.test("the fake holds a stalled stream open until the client leaves", async () => {
  await withFake(async (fake) => {
    const controller = new AbortController();
    const response = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({
        model: "m",
        messages: [{ role: "user", content: "[[fake:stall]]" }],
        stream: true,
      }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    await assertRejects(() => fake.waitForClose(0, 100));
    controller.abort();
    await reader.read().catch(() => {});
    await fake.waitForClose(0, 500);
    assert(fake.requests[0].closedByClient);
  });
});

Deno.test("the fake ends a stalled stream when it closes", async () => {
  const fake = await startFakeOpenRouter();
  const response = await complete(fake, "[[fake:stall]]");
  const reading = chunks(response).catch(() => []);
  await fake.waitForRequest(0);
  await fake.close();
  await reading;
});

Deno.test("the fake paces a rate scenario and stamps each token with its write time", async () => {
  await withFake(async (fake) => {
    fake.enqueue({
      type: "rate",
      count: 10,
      tokensPerSecond: 100,
      firstTokenDelayMs: 50,
      timestamps: true,
    });
    const started = Date.now();
    const body = text(await chunks(await complete(fake, "go")));
    const stamps = parseStamps(body);
    assertEquals(stamps.length, 10);
    assert(
      stamps[0] - started >= 40,
      `first token after ${stamps[0] - started} ms`,
    );
    // Tokens are due 50 + 10·i ms after the start: never written earlier,
    // though a loaded machine may write them late and then in a burst.
    const last = stamps[9] - started;
    assert(last >= 125 && last < 1500, `the last token came after ${last} ms`);
    assert(stamps.every((t, i) => i === 0 || t >= stamps[i - 1]));
  });
});

Deno.test("the fake holds an answer after its first tokens until the test lets it go", async () => {
  await withFake(async (fake) => {
    const release = Promise.withResolvers<void>();
    fake.enqueue({
      type: "answer",
      tokens: ["satu ", "dua ", "tiga"],
      holdAfter: 2,
      holdUntil: release.promise,
    });
    const reader = (await complete(fake, "go")).body!
      .pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    while (!seen.includes('"dua "')) seen += (await reader.read()).value;
    // Held: only keep-alive comments may come until the release.
    const more = reader.read();
    const early = await Promise.race([
      more.then(({ value }) => value ?? ""),
      new Promise<string>((resolve) => setTimeout(() => resolve(""), 300)),
    ]);
    assert(!early.includes("tiga"), `sent before the release: ${early}`);
    release.resolve();
    seen += (await more).value;
    for (let part; !(part = await reader.read()).done;) seen += part.value;
    assert(seen.includes('"tiga"') && seen.endsWith("data: [DONE]\n\n"));
  });
});

Deno.test("the fake serves an OpenRouter-shaped model list, and can fail it", async () => {
  await withFake(async (fake) => {
    const list = await (await fetch(`${fake.baseUrl}/models`)).json();
    const ids = list.data.map((m: { id: string }) => m.id);
    assert(ids.includes("meta-llama/llama-3-8b-instruct"));
    assert(ids.includes("deepseek/deepseek-chat-v3-0324:free"));
    assertEquals(typeof list.data[0].pricing.prompt, "string");
    fake.setModels("error");
    const failed = await fetch(`${fake.baseUrl}/models`);
    assertEquals(failed.status, 500);
    await failed.body?.cancel();
  });
});

Deno.test("the fake refuses another key when it is given one", async () => {
  await withFake(async (fake) => {
    const response = await complete(fake, "hi");
    assertEquals(response.status, 401);
    await response.body?.cancel();
  }, { apiKey: "sk-right" });
});

Deno.test("the fake gives a whole answer when stream is false", async () => {
  await withFake(async (fake) => {
    const response = await complete(fake, "judul", { stream: false });
    const body = await response.json();
    assert(body.choices[0].message.content.startsWith("Echo: judul"));
  });
});

Deno.test("the fake takes scenarios and reports requests over its control routes", async () => {
  await withFake(async (fake) => {
    const origin = new URL(fake.baseUrl).origin;
    await (await fetch(`${origin}/__fake/enqueue`, {
      method: "POST",
      body: JSON.stringify({ type: "http_error", status: 402 }),
    })).body?.cancel();
    const response = await complete(fake, "hi");
    assertEquals(response.status, 402);
    await response.body?.cancel();
    const recorded = await (await fetch(`${origin}/__fake/requests`)).json();
    assertEquals(recorded[0].scenario, "http_error");
  });
});

Deno.test("the fake's markers name their scenarios", () => {
  assertEquals(scenarioFromMarker("x [[fake:error429]] y"), {
    type: "http_error",
    status: 429,
  });
  assertEquals(scenarioFromMarker("[[fake:slow=200]]"), {
    type: "answer",
    tokenIntervalMs: 200,
  });
  assertEquals(scenarioFromMarker("[[fake:long=1000]]"), {
    type: "long",
    bytes: 1000,
  });
  assertEquals(scenarioFromMarker("[[fake:stall]]")?.type, "stall");
  assertEquals(scenarioFromMarker("no marker"), undefined);
});

Deno.test("the fake's command line sets the port and the default pacing", () => {
  const options = cliOptions(
    [
      "--port",
      "9999",
      "--tokens=20",
      "--tokens-per-second",
      "40",
      "--timestamps",
    ],
    () => undefined,
  );
  assertEquals(options.port, 9999);
  assertEquals(options.defaultScenario, {
    type: "rate",
    count: 20,
    tokensPerSecond: 40,
  });
  assertEquals(options.answer, { timestamps: true });
  assertEquals(cliOptions([], () => "8123").port, 8123);
});
