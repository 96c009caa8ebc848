import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import {
  answerText,
  ApiClient,
  readEvents,
  startApp,
  TEST_API_KEY,
} from "@/tests/app_server.ts";

const app = await startApp();
const alice = new ApiClient(app.url);
const bob = new ApiClient(app.url);
// A leak found by the secret scan or a failed close fails the run.
Deno.test.afterAll(() => app.close());

Deno.test("POST /api/chats creates a chat with DESIGN.md's defaults (201)", async () => {
  const { chat } = await alice.json<{ chat: Record<string, unknown> }>(
    "/api/chats",
    { method: "POST", json: {} },
    201,
  );
  assertEquals(chat.title, "New chat");
  assertEquals(chat.titleFixed, false);
  assertEquals(chat.pinned, false);
  assertEquals(chat.model, "meta-llama/llama-3-8b-instruct");
  assertEquals(chat.temperature, 0.7);
  assertEquals(chat.contextMessages, 10);
  assertEquals(chat.persona, "general");
  assertMatchIso(chat.createdAt as string);
});

function assertMatchIso(value: string) {
  assert(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value),
    value,
  );
}

Deno.test("sending a message streams user, start, deltas and done, and stores both messages", async () => {
  const id = await alice.createChat();
  const events = await alice.send(id, "Halo, apa kabar? 👋");
  assertEquals(events[0].event, "user");
  assertEquals(events[1].event, "start");
  assertEquals(events.at(-1)!.event, "done");
  assert(
    events.filter((e) => e.event === "delta").length > 3,
    "the answer arrives in pieces",
  );
  const final = events.at(-1)!.data.message!;
  assertEquals(final.status, "complete");
  assertStringIncludes(final.content, "Echo: Halo, apa kabar? 👋");
  assertEquals(answerText(events), final.content);
  assert((final.usage as { completionTokens: number }).completionTokens > 0);
  const { messages, chat } = await alice.json<
    { messages: { role: string; content: string }[]; chat: { title: string } }
  >(
    `/api/chats/${id}`,
  );
  assertEquals(messages.map((m) => m.role), ["user", "assistant"]);
  assertEquals(messages[1].content, final.content);
  assertEquals(chat.title, "Halo, apa kabar? 👋");
});

Deno.test("the upstream receives the model, temperature, system prompt, context and attribution headers", async () => {
  const id = await alice.createChat({
    model: "deepseek/deepseek-chat-v3-0324:free",
    temperature: 0.25,
    systemPrompt: "Jawab singkat.",
    contextMessages: 2,
  });
  await alice.send(id, "first");
  await alice.send(id, "second");
  await alice.send(id, "third");
  const request = app.fake.requests.at(-1)!;
  const body = request.body as {
    model: string;
    temperature: number;
    messages: { role: string; content: string }[];
    stream: boolean;
  };
  assertEquals(body.model, "deepseek/deepseek-chat-v3-0324:free");
  assertEquals(body.temperature, 0.25);
  assertEquals(body.stream, true);
  assertEquals(body.messages[0], { role: "system", content: "Jawab singkat." });
  // contextMessages 2: the previous answer and the new question.
  assertEquals(body.messages.map((m) => m.role), [
    "system",
    "assistant",
    "user",
  ]);
  assertEquals(body.messages.at(-1)!.content, "third");
  assertEquals(request.headers["authorization"], `Bearer ${TEST_API_KEY}`);
  assertEquals(request.headers["http-referer"], "http://localhost:8000");
  assertEquals(request.headers["x-title"], "chatai");
});

Deno.test("another owner's chat is 404 on every route", async () => {
  const id = await alice.createChat();
  await alice.send(id, "rahasia");
  const { messages } = await alice.json<{ messages: { id: string }[] }>(
    `/api/chats/${id}`,
  );
  const routes: [string, string, unknown?][] = [
    ["GET", `/api/chats/${id}`],
    ["PATCH", `/api/chats/${id}`, { title: "mine now" }],
    ["DELETE", `/api/chats/${id}`],
    ["POST", `/api/chats/${id}/messages`, { content: "hi" }],
    ["POST", `/api/chats/${id}/regenerate`],
    ["POST", `/api/chats/${id}/cancel`],
    ["GET", `/api/chats/${id}/stream`],
    ["PATCH", `/api/chats/${id}/messages/${messages[1].id}`, {
      feedback: "like",
    }],
  ];
  for (const [method, path, json] of routes) {
    const res = await bob.fetch(path, { method, json });
    assertEquals(res.status, 404, `${method} ${path}`);
    assertEquals((await res.json()).error.code, "not_found");
  }
  const { chats } = await bob.json<{ chats: unknown[] }>("/api/chats");
  assertEquals(chats.length, 0);
  assertEquals(
    (await alice.json<{ messages: unknown[] }>(`/api/chats/${id}`)).messages
      .length,
    2,
  );
});

Deno.test("invalid bodies are 400 with a message and change nothing", async () => {
  const id = await alice.createChat();
  const cases: [string, string, RequestInit & { json?: unknown }][] = [
    ["PATCH", `/api/chats/${id}`, { json: { temperature: 1.5 } }],
    ["PATCH", `/api/chats/${id}`, { json: { temperature: 0.33 } }],
    ["PATCH", `/api/chats/${id}`, { json: { contextMessages: 31 } }],
    ["PATCH", `/api/chats/${id}`, { json: { title: "" } }],
    ["PATCH", `/api/chats/${id}`, { json: { title: "a\u0007b" } }],
    ["PATCH", `/api/chats/${id}`, { json: { persona: "pirate" } }],
    ["PATCH", `/api/chats/${id}`, { json: { unknown: 1 } }],
    ["POST", `/api/chats/${id}/messages`, { json: { content: "   " } }],
    ["POST", `/api/chats/${id}/messages`, { json: {} }],
    ["POST", `/api/chats/${id}/messages`, {
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    }],
    ["POST", "/api/chats", { json: { model: "bad model id!" } }],
  ];
  for (const [method, path, init] of cases) {
    const res = await alice.fetch(path, { method, ...init });
    const body = await res.json();
    assertEquals(
      res.status,
      400,
      `${method} ${path} ${JSON.stringify(init.json ?? init.body)}`,
    );
    assertEquals(body.error.code, "invalid_request");
    assert(body.error.message.length > 10);
  }
  const { chat, messages } = await alice.json<
    { chat: { temperature: number; title: string }; messages: unknown[] }
  >(
    `/api/chats/${id}`,
  );
  assertEquals([chat.temperature, chat.title, messages.length], [
    0.7,
    "New chat",
    0,
  ]);
  const wrongType = await alice.fetch(`/api/chats/${id}`, {
    method: "PATCH",
    body: "x",
    headers: { "Content-Type": "text/plain" },
  });
  assertEquals(wrongType.status, 415);
  const huge = await alice.fetch(`/api/chats/${id}/messages`, {
    method: "POST",
    json: { content: "x".repeat(300_000) },
  });
  assertEquals(huge.status, 413);
  await huge.body?.cancel();
});

Deno.test("a second message while an answer streams is 409; cancel keeps the partial text", async () => {
  const id = await alice.createChat();
  const res = await alice.fetch(`/api/chats/${id}/messages`, {
    method: "POST",
    json: { content: "[[fake:slow=40]] tell me a long story" },
  });
  const reader = parseStream(res);
  await reader.waitForDeltas(3);
  const second = await alice.fetch(`/api/chats/${id}/messages`, {
    method: "POST",
    json: { content: "again" },
  });
  assertEquals(second.status, 409);
  assertEquals((await second.json()).error.code, "conflict");
  const started = performance.now();
  const { cancelled } = await alice.json<{ cancelled: boolean }>(
    `/api/chats/${id}/cancel`,
    { method: "POST" },
  );
  assertEquals(cancelled, true);
  await app.fake.waitForClose(app.fake.requests.length - 1, 1000);
  assert(
    performance.now() - started < 500,
    "the upstream connection closes promptly",
  );
  const events = await reader.rest();
  const final = events.at(-1)!;
  assertEquals(final.event, "done");
  assertEquals(final.data.message!.status, "cancelled");
  assert(final.data.message!.content.length > 0, "the partial answer is kept");
  const { messages } = await alice.json<
    { messages: { status: string; content: string }[] }
  >(`/api/chats/${id}`);
  assertEquals(messages[1].status, "cancelled");
  assertEquals(messages[1].content, final.data.message!.content);
  // The chat is free again.
  assertEquals(
    (await alice.send(id, "next")).at(-1)!.data.message!.status,
    "complete",
  );
});

Deno.test("closing the response does not stop the answer: it is saved whole", async () => {
  const id = await alice.createChat();
  const res = await alice.fetch(`/api/chats/${id}/messages`, {
    method: "POST",
    json: { content: "[[fake:slow=20]] keep going" },
  });
  const reader = parseStream(res);
  await reader.waitForDeltas(2);
  await reader.cancel();
  // Re-attach: the stream continues from the current text to the end.
  const stream = await alice.fetch(`/api/chats/${id}/stream`);
  assertEquals(stream.status, 200);
  const events = await readEvents(stream);
  assertEquals(events[0].event, "start");
  assert(
    events[0].data.message!.content.length > 0,
    "the re-attached stream starts from the text so far",
  );
  const final = events.at(-1)!.data.message!;
  assertEquals(final.status, "complete");
  assertEquals(answerText(events), final.content);
  assertStringIncludes(final.content, "Echo: [[fake:slow=20]] keep going");
  assertEquals((await alice.fetch(`/api/chats/${id}/stream`)).status, 204);
});

Deno.test("regenerate replaces the last answer in the current branch", async () => {
  const id = await alice.createChat();
  await alice.send(id, "pertanyaan");
  const before =
    (await alice.json<{ messages: { id: string }[] }>(`/api/chats/${id}`))
      .messages;
  const res = await alice.fetch(`/api/chats/${id}/regenerate`, {
    method: "POST",
  });
  const events = await readEvents(res);
  assertEquals(events.at(-1)!.data.message!.status, "complete");
  const after = (await alice.json<
    { messages: { id: string; role: string; inactive?: boolean }[] }
  >(`/api/chats/${id}`)).messages.filter((m) => !m.inactive);
  assertEquals(after.map((m) => m.role), ["user", "assistant"]);
  assertEquals(after[0].id, before[0].id);
  assert(after[1].id !== before[1].id);
  const empty = await alice.createChat();
  const nothing = await alice.fetch(`/api/chats/${empty}/regenerate`, {
    method: "POST",
  });
  assertEquals(nothing.status, 400);
  await nothing.body?.cancel();
});

Deno.test("rename fixes the title; pin orders the list; feedback is saved; delete and delete all remove chats", async () => {
  const client = new ApiClient(app.url);
  const a = await client.createChat();
  const b = await client.createChat();
  await client.json(`/api/chats/${a}`, {
    method: "PATCH",
    json: { title: "Resep rendang" },
  });
  await client.send(a, "this would have been the auto title");
  let { chats } = await client.json<
    { chats: { id: string; title: string; titleFixed: boolean }[] }
  >("/api/chats");
  assertEquals(chats.find((c) => c.id === a)!.title, "Resep rendang");
  assertEquals(chats[0].id, a, "the most recently updated chat comes first");
  await client.json(`/api/chats/${b}`, {
    method: "PATCH",
    json: { pinned: true },
  });
  ({ chats } = await client.json("/api/chats"));
  assertEquals(chats.map((c) => c.id), [b, a]);
  const search = await client.json<{ chats: { id: string }[] }>(
    "/api/chats?q=rendang",
  );
  assertEquals(search.chats.map((c) => c.id), [a]);
  const { messages } = await client.json<{ messages: { id: string }[] }>(
    `/api/chats/${a}`,
  );
  const { message } = await client.json<{ message: { feedback: string } }>(
    `/api/chats/${a}/messages/${messages[1].id}`,
    { method: "PATCH", json: { feedback: "like" } },
  );
  assertEquals(message.feedback, "like");
  assertEquals(
    (await client.fetch(`/api/chats/${a}`, { method: "DELETE" })).status,
    204,
  );
  assertEquals((await client.fetch(`/api/chats/${a}`)).status, 404);
  const refused = await client.fetch("/api/chats", { method: "DELETE" });
  assertEquals(refused.status, 400);
  await refused.body?.cancel();
  assertEquals(
    (await client.fetch("/api/chats?confirm=all", { method: "DELETE" })).status,
    204,
  );
  assertEquals(
    (await client.json<{ chats: unknown[] }>("/api/chats")).chats.length,
    0,
  );
});

Deno.test("deleting all chats cancels their running answers", async () => {
  const client = new ApiClient(app.url);
  const streams = [];
  // 200 ms a word: these answers would run for seconds on their own.
  const story = "kata ".repeat(40);
  for (const question of ["satu", "dua"]) {
    const id = await client.createChat();
    const res = await client.fetch(`/api/chats/${id}/messages`, {
      method: "POST",
      json: { content: `[[fake:slow=200]] ${question} ${story}` },
    });
    const reader = parseStream(res);
    await reader.waitForDeltas(2);
    streams.push({ reader, request: app.fake.requests.length - 1 });
  }
  const deleted = await client.fetch("/api/chats?confirm=all", {
    method: "DELETE",
  });
  assertEquals(deleted.status, 204);
  for (const { reader, request } of streams) {
    await app.fake.waitForClose(request, 1000);
    const final = (await reader.rest()).at(-1)!;
    assertEquals(final.event, "done");
    assertEquals(final.data.message!.status, "cancelled");
  }
  assertEquals(
    (await client.json<{ chats: unknown[] }>("/api/chats")).chats.length,
    0,
  );
});

Deno.test("a new chat inherits the last used model, persona and temperature", async () => {
  const client = new ApiClient(app.url);
  const a = await client.createChat();
  await client.json(`/api/chats/${a}`, {
    method: "PATCH",
    json: {
      model: "deepseek/deepseek-chat-v3-0324:free",
      persona: "math",
      temperature: 0.35,
    },
  });
  const { chat } = await client.json<
    { chat: { model: string; persona: string; temperature: number } }
  >(
    "/api/chats",
    { method: "POST", json: {} },
    201,
  );
  assertEquals([chat.model, chat.persona, chat.temperature], [
    "deepseek/deepseek-chat-v3-0324:free",
    "math",
    0.35,
  ]);
});

Deno.test("GET /api/models lists models with context length, prices and a free mark", async () => {
  const { models } = await alice.json<
    { models: { id: string; free: boolean; contextLength: number }[] }
  >("/api/models");
  const free = models.find((m) =>
    m.id === "deepseek/deepseek-chat-v3-0324:free"
  );
  assert(free?.free);
  assert(models.every((m) => m.contextLength > 0));
});

Deno.test("GET /healthz answers ok", async () => {
  const res = await fetch(`${app.url}/healthz`);
  assertEquals([res.status, await res.text()], [200, "ok"]);
});

/** Reads an event stream incrementally. */
function parseStream(res: Response) {
  const events: {
    event: string;
    data: Record<string, unknown> & {
      text?: string;
      message?: { status: string; content: string };
    };
  }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const pull = async () => {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = block.match(/^event: (.*)$/m)?.[1];
      const data = block.match(/^data: (.*)$/m)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
    return true;
  };
  return {
    async waitForDeltas(n: number) {
      while (events.filter((e) => e.event === "delta").length < n) {
        if (!await pull()) throw new Error("The stream ended early");
      }
    },
    async rest() {
      while (await pull());
      return events;
    },
    cancel: () => reader.cancel(),
  };
}

Deno.test("a settings form with a bad value saves nothing and names the field", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const form = new URLSearchParams({
    action: "settings",
    model: "meta-llama/llama-3-8b-instruct",
    persona: "general",
    systemPrompt: "",
    temperature: "7",
    contextMessages: "10",
  });
  const res = await client.fetch(`/chats/${id}/actions`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  assertEquals(res.status, 303);
  assertEquals(res.headers.get("Location"), `/chats/${id}?invalid=temperature`);
  const page = await (await client.fetch(res.headers.get("Location")!)).text();
  assertStringIncludes(page, "the value of “Temperature” is not valid");
  const { chat } = await client.json<{ chat: { temperature: number } }>(
    `/api/chats/${id}`,
  );
  assertEquals(chat.temperature, 0.7);
});

Deno.test("regenerate keeps earlier answers as alternatives; one is current in context and exports", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  await client.send(id, "pertanyaan pertama");
  await readEvents(
    await client.fetch(`/api/chats/${id}/regenerate`, { method: "POST" }),
  );
  await readEvents(
    await client.fetch(`/api/chats/${id}/regenerate`, { method: "POST" }),
  );
  type M = { id: string; role: string; group?: string; inactive?: boolean };
  let { messages } = await client.json<{ messages: M[] }>(`/api/chats/${id}`);
  const answers = messages.filter((m) => m.role === "assistant");
  assertEquals(answers.length, 3);
  assertEquals(new Set(answers.map((m) => m.group)).size, 1);
  assertEquals(answers.map((m) => !!m.inactive), [true, true, false]);
  // Choose the first answer again: it becomes the current one.
  await client.json(`/api/chats/${id}/messages/${answers[0].id}`, {
    method: "PATCH",
    json: { active: true },
  });
  ({ messages } = await client.json<{ messages: M[] }>(`/api/chats/${id}`));
  assertEquals(
    messages.filter((m) => m.role === "assistant").map((m) => !!m.inactive),
    [false, true, true],
  );
  const exported =
    await (await client.fetch(`/api/chats/${id}/export?format=json`)).json();
  assertEquals(exported.messages.map((m: M) => m.id), [
    messages[0].id,
    answers[0].id,
  ]);
  await client.send(id, "lanjut");
  const sent =
    (app.fake.requests.at(-1)!.body as { messages: { role: string }[] })
      .messages;
  assertEquals(
    sent.filter((m) => m.role === "assistant").length,
    1,
    "only the current answer is context",
  );
  const user = messages[0].id;
  const refused = await client.fetch(`/api/chats/${id}/messages/${user}`, {
    method: "PATCH",
    json: { active: true },
  });
  assertEquals(refused.status, 400);
  await refused.body?.cancel();
});

Deno.test("editing a sent message makes a new version from it; the old one stays stored aside", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  await client.send(id, "ibu kota Jepang?");
  await client.send(id, "dan Korea?");
  const { messages } = await client.json<{ messages: { id: string }[] }>(
    `/api/chats/${id}`,
  );
  const res = await client.fetch(
    `/api/chats/${id}/messages/${messages[0].id}/resend`,
    {
      method: "POST",
      json: { content: "ibu kota Thailand?" },
    },
  );
  const events = await readEvents(res);
  assertEquals(events[0].event, "user");
  assertStringIncludes(
    events.at(-1)!.data.message!.content,
    "Echo: ibu kota Thailand?",
  );
  const after = await client.json<
    {
      messages: {
        id: string;
        content: string;
        inactive?: boolean;
        group?: string;
      }[];
      chat: { title: string };
    }
  >(
    `/api/chats/${id}`,
  );
  const current = after.messages.filter((m) => !m.inactive);
  assertEquals(current.length, 2);
  assertEquals(current[0].content, "ibu kota Thailand?");
  assertEquals(current[0].group, messages[0].id, "a version of the first");
  assertEquals(after.messages.length, 6, "the first version is kept");
  assertEquals(after.chat.title, "ibu kota Thailand?");
  const answer = current[1].id;
  const refused = await client.fetch(
    `/api/chats/${id}/messages/${answer}/resend`,
    {
      method: "POST",
      json: { content: "x" },
    },
  );
  assertEquals(refused.status, 400);
  await refused.body?.cancel();
});

Deno.test("a long chat opens at its latest 200 messages, with a link to all of them", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  for (let i = 0; i < 101; i++) await client.send(id, `pesan nomor ${i}`);
  const page = await (await client.fetch(`/chats/${id}?lang=en`)).text();
  assertEquals((page.match(/<article /g) ?? []).length, 200);
  assertStringIncludes(page, "Show 2 earlier messages");
  assert(
    !page.includes(`class="message-text">pesan nomor 0<`),
    "the oldest question is not on the page",
  );
  const all = await (await client.fetch(`/chats/${id}?history=all&lang=en`))
    .text();
  assertEquals((all.match(/<article /g) ?? []).length, 202);
  assertStringIncludes(all, `class="message-text">pesan nomor 0<`);
});
