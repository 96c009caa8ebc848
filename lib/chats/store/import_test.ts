import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { ChatStore } from "./mod.ts";
import { allKeys, mixedText, withStore } from "./test_helpers.ts";
import type { MessageInit } from "./mod.ts";

const sample = (n: number): MessageInit[] =>
  Array.from({ length: n }, (_, i) => ({
    role: i % 2 ? "assistant" : "user",
    content: i === 3 ? mixedText(100_000) : `pesan ${i}`,
    createdAt: new Date(Date.UTC(2023, 0, 1, 0, i)).toISOString(),
    status: "complete",
  }));

Deno.test("ChatStore.importChat() writes the chat and its messages in the given order", async () => {
  await withStore(async (store) => {
    const messages = sample(40);
    const chat = await store.importChat("alice", {
      title: "Impor",
      titleFixed: true,
      model: "m/imported",
      createdAt: "2023-01-01T07:00:00+07:00",
      updatedAt: "2023-01-01T08:00:00+07:00",
    }, messages);
    assertEquals(chat.title, "Impor");
    assertEquals(chat.updatedAt, "2023-01-01T08:00:00+07:00");
    assertEquals(await store.getChat("alice", chat.id), chat);
    const listed = await store.listMessages("alice", chat.id);
    assertEquals(listed!.map(({ id: _, ...m }) => m as MessageInit), messages);
    assertEquals(await store.countMessages("alice", chat.id), 40);
    assertEquals((await store.listChats("alice")).chats, [chat]);
    assertEquals(await store.getChat("bob", chat.id), null);
  });
});

Deno.test("ChatStore.importChat() leaves nothing behind when a write fails", async () => {
  await withStore(async (store, kv) => {
    await store.createChat("alice", { title: "existing" });
    const before = await allKeys(kv);
    // Thousands of messages span several batches; a record over the 64 KiB
    // value limit near the end makes a late batch fail.
    const messages = sample(3_000);
    messages[2_900] = { ...messages[2_900], model: "m".repeat(70_000) };
    await assertRejects(() =>
      store.importChat("alice", { title: "broken" }, messages)
    );
    assertEquals(await allKeys(kv), before);
    assertEquals((await store.listChats("alice")).chats.map((c) => c.title), [
      "existing",
    ]);
  });
});

Deno.test("ChatStore.collectGarbage() purges interrupted deletions and stale imports", async () => {
  let now = Date.parse("2024-05-01T10:00:00Z");
  await withStore(async (store, kv) => {
    await store.migrate();
    const before = await allKeys(kv);
    // Leftovers of a crashed purge and of an import that never finished.
    await kv.set(["trash", "alice", "C1"], "2024-05-01T09:00:00Z");
    await kv.set(["messages", "alice", "C1", "M1"], { id: "M1" });
    await kv.set(["pending", "alice", "C2"], new Date(now).toISOString());
    await kv.set(["content", "alice", "C2", "M2", "content", "V", 0], "x");
    assertEquals(await store.collectGarbage(), 1);
    assertEquals((await allKeys(kv)).length, before.length + 2);
    now += 2 * 3_600_000;
    assertEquals(await store.collectGarbage(), 1);
    assertEquals(await allKeys(kv), before);
  }, { now: () => new Date(now) });
});

Deno.test("ChatStore.updateMessage() on a chat being deleted does nothing", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new ChatStore(kv, { defaults: { title: "t", model: "m" } });
    const chat = await store.createChat("alice");
    const m = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: "",
      status: "streaming",
    });
    await kv.set(["trash", "alice", chat.id], new Date().toISOString());
    assertEquals(
      await store.updateMessage("alice", chat.id, m!.id, {
        content: mixedText(100_000),
      }),
      null,
    );
    const chunks = (await allKeys(kv)).filter((k) => k[0] === "content");
    assertEquals(chunks, []);
  } finally {
    kv.close();
  }
});

Deno.test("ChatStore.importChat() keeps a pinned chat's pin time, so it sorts as before", async () => {
  const kv = await Deno.openKv(":memory:");
  const store = new ChatStore(kv, { defaults: { model: "m" } });
  const older = await store.importChat("o", {
    title: "older pin",
    pinned: true,
    pinnedAt: "2024-01-01T00:00:00.000Z",
  }, []);
  const newer = await store.importChat("o", {
    title: "newer pin",
    pinned: true,
    pinnedAt: "2025-01-01T00:00:00.000Z",
  }, []);
  await store.createChat("o", { title: "not pinned" });
  const { chats } = await store.listChats("o");
  assertEquals(chats.map((c) => c.title), [
    "newer pin",
    "older pin",
    "not pinned",
  ]);
  assertEquals(chats[1].pinnedAt, older.pinnedAt);
  assertEquals(newer.pinnedAt, "2025-01-01T00:00:00.000Z");
  kv.close();
});
