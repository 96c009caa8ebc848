/**
 * Issue 13, finding 5: an import bomb. A 20 MB TXT of tiny lines is refused
 * whole (the per-chat message limit applies to imports) without stalling
 * other visitors; owners have quotas and rates on imports and new chats;
 * exports are streamed.
 */
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

/** Polls /healthz until `done` settles; returns each answer's latency in ms. */
async function healthLatencies(
  url: string,
  done: Promise<unknown>,
): Promise<number[]> {
  let finished = false;
  done.finally(() => finished = true);
  const latencies: number[] = [];
  while (!finished) {
    const started = performance.now();
    const res = await fetch(`${url}/healthz`);
    await res.body?.cancel();
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return latencies;
}

const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? 0;

function upload(client: ApiClient, body: string, filename: string) {
  return client.fetch(`/api/import?filename=${filename}`, {
    method: "POST",
    headers: { "Content-Type": "text/plain" },
    body,
  });
}

async function chatCount(client: ApiClient): Promise<number> {
  const { chats } = await client.json<{ chats: unknown[] }>(
    "/api/chats?limit=500",
  );
  return chats.length;
}

Deno.test("a 20 MB TXT of a million tiny messages is a 413 naming the per-chat limit, stores nothing and stalls nobody", async () => {
  const app = await startApp({ IMPORT_MAX_BYTES: String(21 * 1024 * 1024) });
  try {
    const client = new ApiClient(app.url);
    await client.createChat({ title: "sudah ada" });
    const line = "[2024-05-01 10:20:30] User: a\n";
    const bomb = line.repeat(Math.floor(20 * 1024 * 1024 / line.length));
    const started = performance.now();
    const res = upload(client, bomb, "bom.txt");
    const latencies = await healthLatencies(app.url, res);
    const took = performance.now() - started;
    const answer = await res;
    assertEquals(answer.status, 413);
    assertMatch(
      (await answer.json()).error.message,
      /more than 2,000 messages, the most a chat may have/,
    );
    assertEquals(await chatCount(client), 1, "nothing was imported");
    assert(took < 10_000, `the refusal took ${took.toFixed(0)} ms`);
    console.log(
      `20 MB TXT bomb: refused in ${took.toFixed(0)} ms; /healthz p99 ${
        p99(latencies).toFixed(0)
      } ms, max ${
        Math.max(...latencies).toFixed(0)
      } ms (${latencies.length} polls)`,
    );
    assert(p99(latencies) < 1_000, `healthz p99 ${p99(latencies)} ms`);
  } finally {
    await app.close();
  }
});

Deno.test("an import past the owner's chat quota is a 413 and stores nothing", async () => {
  const app = await startApp({ MAX_CHATS_PER_OWNER: "3" });
  try {
    const client = new ApiClient(app.url);
    await client.createChat({ title: "satu" });
    const chat = (n: number) => ({
      chat: {
        title: `Impor ${n}`,
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2025-01-01T00:00:00.000Z",
      },
      messages: [{
        role: "user",
        content: "Halo",
        createdAt: "2025-01-01T00:00:00.000Z",
      }],
    });
    const file = JSON.stringify({
      format: "chatai",
      version: 1,
      exportedAt: "2025-01-01T00:00:00.000Z",
      chats: [chat(1), chat(2), chat(3)],
    });
    const res = await upload(client, file, "all.json");
    assertEquals(res.status, 413);
    assertMatch((await res.json()).error.message, /You have 1 chat;.*3/);
    assertEquals(await chatCount(client), 1);
    // Two fit.
    const fits = JSON.parse(file);
    fits.chats.pop();
    const ok = await upload(client, JSON.stringify(fits), "all.json");
    assertEquals(ok.status, 201);
    assertEquals(await chatCount(client), 3);
    const more = await client.fetch("/api/chats", { method: "POST", json: {} });
    assertEquals(more.status, 413);
    await more.body?.cancel();
  } finally {
    await app.close();
  }
});

Deno.test("imports and new chats are rate limited per owner, with Retry-After, in both languages", async () => {
  const app = await startApp({ IMPORTS_PER_HOUR: "2", CHATS_PER_MINUTE: "3" });
  try {
    const client = new ApiClient(app.url);
    const txt = "[2024-05-01 10:20:30] User: halo\n";
    for (let i = 0; i < 2; i++) {
      const res = await upload(client, txt, "a.txt");
      assertEquals(res.status, 201);
      await res.body?.cancel();
    }
    const third = await upload(client, txt, "a.txt");
    assertEquals(third.status, 429);
    assert(Number(third.headers.get("Retry-After")) > 0);
    assertMatch((await third.json()).error.message, /too many imports/);
    const indonesian = new ApiClient(app.url, "id");
    indonesian.cookie = client.cookie;
    const again = await upload(indonesian, txt, "a.txt");
    assertMatch((await again.json()).error.message, /terlalu banyak impor/);
    // The two imports made two chats; a third fits the rate, a fourth not.
    const first = await client.fetch("/api/chats", {
      method: "POST",
      json: {},
    });
    assertEquals(first.status, 201);
    await first.body?.cancel();
    for (let i = 0; i < 2; i++) {
      const res = await client.fetch("/api/chats", {
        method: "POST",
        json: {},
      });
      await res.body?.cancel();
    }
    const over = await client.fetch("/api/chats", { method: "POST", json: {} });
    assertEquals(over.status, 429);
    assertMatch((await over.json()).error.message, /too many chats/);
    // The "New chat" form without JavaScript is held to the same rate.
    const form = await client.fetch("/chats/new", {
      method: "POST",
      redirect: "manual",
    });
    assertEquals(form.status, 429);
    assertMatch(await form.text(), /too many chats/);
  } finally {
    await app.close();
  }
});

Deno.test("the export of every chat starts arriving before the last chat is read", async () => {
  const app = await startApp();
  const store = app.services.store;
  const listMessages = store.listMessages;
  try {
    const client = new ApiClient(app.url);
    for (let i = 0; i < 8; i++) await client.createChat({ title: `c${i}` });
    // A slow store: every chat's messages take 100 ms to read.
    store.listMessages = async function (...args) {
      await new Promise((r) => setTimeout(r, 100));
      return await listMessages.apply(this, args);
    };
    const started = performance.now();
    const res = await client.fetch("/api/export");
    const headers = performance.now() - started;
    assertEquals(res.status, 200);
    const text = await res.text();
    const whole = performance.now() - started;
    assertEquals(JSON.parse(text).chats.length, 8);
    assert(whole >= 800, `the whole export took ${whole.toFixed(0)} ms`);
    assert(
      headers < 400,
      `the answer began after ${headers.toFixed(0)} ms, not at once`,
    );
  } finally {
    store.listMessages = listMessages;
    await app.close();
  }
});
