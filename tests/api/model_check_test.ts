import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { readEvents } from "@/tests/app_server.ts";

const app = await startApp({ ALLOWED_MODELS: "my-org/private-model" });
Deno.test.afterAll(() => app.close());

async function patch(client: ApiClient, id: string, body: unknown) {
  const res = await client.fetch(`/api/chats/${id}`, {
    method: "PATCH",
    json: body,
  });
  return { status: res.status, body: await res.json() };
}

Deno.test("PATCH /api/chats/:id refuses a model the upstream does not list, in the UI language, and keeps the old one", async () => {
  for (const lang of ["en", "id"]) {
    const client = new ApiClient(app.url, lang);
    const id = await client.createChat();
    const refused = await patch(client, id, { model: "nonexistent/model-xyz" });
    assertEquals(refused.status, 400);
    assertEquals(refused.body.error.code, "invalid_request");
    assertStringIncludes(refused.body.error.message, "nonexistent/model-xyz");
    assertStringIncludes(refused.body.error.message, "ALLOWED_MODELS");
    const { chat } = await client.json<{ chat: { model: string } }>(
      `/api/chats/${id}`,
    );
    assertEquals(chat.model, "meta-llama/llama-3-8b-instruct");
  }
});

Deno.test("a listed model and one of ALLOWED_MODELS are accepted", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  assertEquals(
    (await patch(client, id, { model: "openai/gpt-4o-mini" })).status,
    200,
  );
  const allowed = await patch(client, id, { model: "my-org/private-model" });
  assertEquals(allowed.status, 200);
  assertEquals(allowed.body.chat.model, "my-org/private-model");
});

Deno.test("POST /api/chats and the no-script settings form refuse an unknown model too", async () => {
  const client = new ApiClient(app.url);
  const res = await client.fetch("/api/chats", {
    method: "POST",
    json: { model: "nonexistent/model-xyz" },
  });
  assertEquals(res.status, 400);
  await res.body?.cancel();
  const id = await client.createChat();
  const form = await client.fetch(`/chats/${id}/actions`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      action: "settings",
      model: "nonexistent/model-xyz",
      persona: "general",
      systemPrompt: "",
      temperature: "0.5",
      contextMessages: "10",
    }),
    redirect: "manual",
  });
  assertEquals(form.status, 303);
  assertStringIncludes(form.headers.get("Location") ?? "", "invalid=model");
  const { chat } = await client.json<{ chat: { model: string } }>(
    `/api/chats/${id}`,
  );
  assertEquals(chat.model, "meta-llama/llama-3-8b-instruct");
});

Deno.test("a setting changed in an unsaved new chat stores it; opening one stores nothing", async () => {
  const client = new ApiClient(app.url);
  const page = await client.fetch("/chats/new");
  const html = await page.text();
  const id = /chats\/([0-9A-Z]{26})\/actions/.exec(html)?.[1];
  if (!id) throw new Error("the new chat page names no chat");
  const { chats } = await client.json<{ chats: unknown[] }>("/api/chats");
  assertEquals(chats.length, 0);
  const saved = await patch(client, id, { temperature: 0.2 });
  assertEquals(saved.status, 200);
  assertEquals(saved.body.chat.id, id);
  assertEquals(saved.body.chat.temperature, 0.2);
  const events = await readEvents(
    await client.fetch(`/api/chats/${id}/messages`, {
      method: "POST",
      json: { content: "halo" },
    }),
  );
  assertEquals(events.at(-1)?.event, "done");
});

Deno.test("the first message's user event carries the chat's new automatic title", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const events = await readEvents(
    await client.fetch(`/api/chats/${id}/messages`, {
      method: "POST",
      json: { content: "Resep rendang padang yang empuk sekali" },
    }),
  );
  const user = events.find((e) => e.event === "user")?.data as {
    title?: string;
  };
  assertEquals(user.title, "Resep rendang padang yang empuk…");
  const second = await readEvents(
    await client.fetch(`/api/chats/${id}/messages`, {
      method: "POST",
      json: { content: "lagi" },
    }),
  );
  const again = second.find((e) => e.event === "user")?.data as {
    title?: string;
  };
  assertEquals(again.title, undefined);
});
