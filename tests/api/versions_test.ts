/**
 * Editing a user message makes a new version of the conversation from it;
 * the old version stays, both are reachable, and context and exports use
 * the current one.
 */
import { assertEquals } from "@/tests/assert.ts";
import { ApiClient, readEvents, startApp } from "@/tests/app_server.ts";
import type { Message } from "@/lib/chats/types.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

async function edit(
  client: ApiClient,
  chat: string,
  id: string,
  content: string,
) {
  const res = await client.fetch(`/api/chats/${chat}/messages/${id}/resend`, {
    method: "POST",
    json: { content },
  });
  assertEquals(res.status, 200);
  return await readEvents(res);
}

const stored = async (client: ApiClient, chat: string) =>
  (await client.json<{ messages: Message[] }>(`/api/chats/${chat}`)).messages;

/** The current version's texts (the API lists every version). */
const branch = async (client: ApiClient, chat: string) =>
  (await stored(client, chat)).filter((m) => !m.inactive).map((m) => m.content);

Deno.test("an edit keeps the earlier version with its answers, and either can be chosen again", async () => {
  const client = new ApiClient(app.url);
  const chat = await client.createChat();
  app.fake.enqueue({ type: "answer", text: "Jawaban A." });
  await client.send(chat, "pertanyaan pertama");
  app.fake.enqueue({ type: "answer", text: "Jawaban B." });
  await client.send(chat, "pertanyaan kedua");
  const [first] = await stored(client, chat);
  app.fake.enqueue({ type: "answer", text: "Jawaban baru." });
  await edit(client, chat, first.id, "pertanyaan diubah");
  assertEquals(await branch(client, chat), [
    "pertanyaan diubah",
    "Jawaban baru.",
  ]);
  // The model saw the new version only.
  const asked = app.fake.requests.at(-1)!.body as {
    messages: { content: string }[];
  };
  assertEquals(
    asked.messages.map((m) => m.content).filter((c) => c.startsWith("p")),
    ["pertanyaan diubah"],
  );

  await client.json(`/api/chats/${chat}/messages/${first.id}`, {
    method: "PATCH",
    json: { active: true },
  });
  assertEquals(await branch(client, chat), [
    "pertanyaan pertama",
    "Jawaban A.",
    "pertanyaan kedua",
    "Jawaban B.",
  ]);
  const text = await (await client.fetch(
    `/api/chats/${chat}/export?format=txt`,
  )).text();
  assertEquals(text.includes("Jawaban B."), true, "export has this version");
  assertEquals(text.includes("Jawaban baru."), false);

  const edited = (await stored(client, chat)).find((m) =>
    m.content === "pertanyaan diubah"
  )!;
  assertEquals(edited.group, first.id, "both versions are one group");
  await client.json(`/api/chats/${chat}/messages/${edited.id}`, {
    method: "PATCH",
    json: { active: true },
  });
  assertEquals(await branch(client, chat), [
    "pertanyaan diubah",
    "Jawaban baru.",
  ]);
});

Deno.test("a new message after choosing an older version continues that version", async () => {
  const client = new ApiClient(app.url);
  const chat = await client.createChat();
  await client.send(chat, "satu");
  const [first] = await stored(client, chat);
  await edit(client, chat, first.id, "satu lagi");
  await client.json(`/api/chats/${chat}/messages/${first.id}`, {
    method: "PATCH",
    json: { active: true },
  });
  app.fake.enqueue({ type: "answer", text: "Lanjut." });
  await client.send(chat, "dua");
  const shown = await branch(client, chat);
  assertEquals(shown[0], "satu");
  assertEquals(shown.slice(2), ["dua", "Lanjut."]);
});

Deno.test("the history fragment renders the conversation, leaving the bodies the browser keeps empty", async () => {
  const client = new ApiClient(app.url);
  const chat = await client.createChat();
  app.fake.enqueue({ type: "answer", text: "**Tebal** sekali." });
  await client.send(chat, "halo");
  const answer = (await stored(client, chat)).find((m) =>
    m.role === "assistant"
  )!;
  const full = await (await client.fetch(`/chats/${chat}/history`)).text();
  assertEquals(full.includes("<strong>Tebal</strong>"), true);
  const kept = await (await client.fetch(
    `/chats/${chat}/history?keep=${answer.id}`,
  )).text();
  assertEquals(kept.includes("<strong>Tebal</strong>"), false);
  assertEquals(kept.includes(`data-keep="${answer.id}"`), true);
  assertEquals(kept.includes(">halo<"), true, "the question is there");
  const gone = await client.fetch(`/chats/no-such-chat/history`);
  assertEquals(gone.status, 204);
  await gone.body?.cancel();
});
