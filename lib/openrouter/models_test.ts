import { assert, assertEquals } from "@/tests/assert.ts";
import {
  type FakeOpenRouter,
  startFakeOpenRouter,
} from "@/tests/fake_openrouter.ts";
import {
  clearModelCache,
  FALLBACK_CACHE_MS,
  FALLBACK_MODELS,
  findModel,
  listModels,
  MODEL_CACHE_MS,
  normalizeModels,
} from "./models.ts";

async function withFake(fn: (fake: FakeOpenRouter) => Promise<void>) {
  clearModelCache();
  const fake = await startFakeOpenRouter();
  try {
    await fn(fake);
  } finally {
    await fake.close();
    clearModelCache();
  }
}

function modelRequests(fake: FakeOpenRouter): number {
  return fake.requests.filter((r) => r.path === "/api/v1/models").length;
}

Deno.test("normalizeModels converts OpenRouter's list to ModelInfo", () => {
  const models = normalizeModels({
    data: [{
      id: "openai/gpt-4o-mini",
      name: "OpenAI: GPT-4o-mini",
      context_length: 128000,
      pricing: { prompt: "0.00000015", completion: "0.0000006" },
      top_provider: { max_completion_tokens: 16384 },
      architecture: { input_modalities: ["text", "image"], modality: "x" },
      extra: "ignored",
    }],
  });
  assertEquals(models, [{
    id: "openai/gpt-4o-mini",
    name: "OpenAI: GPT-4o-mini",
    contextLength: 128000,
    maxCompletionTokens: 16384,
    pricing: { prompt: 0.15, completion: 0.6 },
    free: false,
    inputModalities: ["text", "image"],
  }]);
});

Deno.test("normalizeModels marks free models by price or by the :free suffix", () => {
  const models = normalizeModels({
    data: [
      { id: "a/zero", pricing: { prompt: "0", completion: "0" } },
      { id: "a/b:free", pricing: { prompt: "0.000001", completion: "0" } },
      { id: "a/paid", pricing: { prompt: "0.000001", completion: "0" } },
      { id: "openrouter/auto", pricing: { prompt: "-1", completion: "-1" } },
    ],
  });
  assertEquals(models.map((m) => [m.id, m.free]), [
    ["a/zero", true],
    ["a/b:free", true],
    ["a/paid", false],
    ["openrouter/auto", false],
  ]);
  assertEquals(models[3].pricing, { prompt: -1, completion: -1 });
});

Deno.test("normalizeModels fills what a plain OpenAI-compatible server leaves out", () => {
  const [model] = normalizeModels({
    object: "list",
    data: [{ id: "llama3.2:3b", object: "model", owned_by: "library" }],
  });
  assertEquals(model, {
    id: "llama3.2:3b",
    name: "llama3.2:3b",
    contextLength: 0,
    pricing: { prompt: 0, completion: 0 },
    free: true,
    inputModalities: ["text"],
  });
});

Deno.test("normalizeModels reads input modalities from the modality string", () => {
  const [model] = normalizeModels({
    data: [{ id: "x/v", architecture: { modality: "text+image->text" } }],
  });
  assertEquals(model.inputModalities, ["text", "image"]);
});

Deno.test("normalizeModels skips invalid items and keeps the rest", () => {
  const models = normalizeModels({
    data: [
      { id: "ok/one", context_length: 4096 },
      { name: "no id" },
      { id: "bad/context", context_length: "lots" },
      { id: "bad/price", pricing: { prompt: "free", completion: "0" } },
      null,
      "text",
      { id: "ok/two" },
    ],
  });
  assertEquals(models.map((m) => m.id), ["ok/one", "ok/two"]);
});

Deno.test("listModels fetches and normalizes the upstream's list", async () => {
  await withFake(async (fake) => {
    const models = await listModels({ baseUrl: fake.baseUrl });
    const ids = models.map((m) => m.id);
    assert(ids.includes("meta-llama/llama-3-8b-instruct"));
    const free = models.find((m) =>
      m.id === "deepseek/deepseek-chat-v3-0324:free"
    );
    assertEquals(free?.free, true);
    assertEquals(free?.contextLength, 163840);
    const llama = models.find((m) => m.id === "meta-llama/llama-3-8b-instruct");
    assertEquals(llama?.pricing, { prompt: 0.03, completion: 0.06 });
  });
});

Deno.test("listModels falls back to the built-in list when the upstream is unreachable", async () => {
  const fake = await startFakeOpenRouter();
  await fake.close();
  clearModelCache();
  const models = await listModels({ baseUrl: fake.baseUrl });
  assertEquals(models, [...FALLBACK_MODELS]);
  const ids = models.map((m) => m.id);
  assert(ids.includes("meta-llama/llama-3-8b-instruct"));
  assert(ids.includes("deepseek/deepseek-chat-v3-0324:free"));
  clearModelCache();
});

Deno.test("listModels falls back to the built-in list on an error or an unreadable answer", async () => {
  for (const behavior of ["error", "invalid", [{ bad: true }]] as const) {
    await withFake(async (fake) => {
      fake.setModels(behavior as "error");
      assertEquals(await listModels({ baseUrl: fake.baseUrl }), [
        ...FALLBACK_MODELS,
      ]);
    });
  }
});

Deno.test("listModels reuses the list for one hour", async () => {
  await withFake(async (fake) => {
    let now = 1_000_000;
    const options = { baseUrl: fake.baseUrl, now: () => now };
    await listModels(options);
    now += MODEL_CACHE_MS - 1;
    await listModels(options);
    assertEquals(modelRequests(fake), 1);
    now += 2;
    await listModels(options);
    assertEquals(modelRequests(fake), 2);
  });
});

Deno.test("listModels asks again a minute after falling back", async () => {
  await withFake(async (fake) => {
    let now = 1_000_000;
    const options = { baseUrl: fake.baseUrl, now: () => now };
    fake.setModels("error");
    assertEquals(await listModels(options), [...FALLBACK_MODELS]);
    fake.setModels("ok");
    assertEquals(await listModels(options), [...FALLBACK_MODELS]);
    now += FALLBACK_CACHE_MS + 1;
    const models = await listModels(options);
    assert(models.some((m) => m.id === "deepseek/deepseek-r1"));
    assertEquals(modelRequests(fake), 2);
  });
});

Deno.test("listModels shares one request between concurrent callers", async () => {
  await withFake(async (fake) => {
    const lists = await Promise.all(
      [1, 2, 3].map(() => listModels({ baseUrl: fake.baseUrl })),
    );
    assertEquals(modelRequests(fake), 1);
    assertEquals(lists[0], lists[2]);
  });
});

Deno.test("listModels keeps one cache per base URL", async () => {
  await withFake(async (fake) => {
    await listModels({ baseUrl: fake.baseUrl });
    await listModels({ baseUrl: `${fake.baseUrl}/` });
    fake.setModels([{ id: "other/model" }]);
    const other = await listModels({
      baseUrl: fake.baseUrl.replace("127.0.0.1", "localhost"),
    });
    assertEquals(other.map((m) => m.id), ["other/model"]);
    assertEquals(modelRequests(fake), 2);
  });
});

Deno.test("findModel finds a model by id, or gives undefined", async () => {
  await withFake(async (fake) => {
    const options = { baseUrl: fake.baseUrl };
    assertEquals(
      (await findModel("openai/gpt-4o-mini", options))?.inputModalities,
      ["text", "image"],
    );
    assertEquals(await findModel("nope/nope", options), undefined);
  });
});
