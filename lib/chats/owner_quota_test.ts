import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { OwnerLimitError, OwnerQuota } from "./owner_quota.ts";
import { ChatStore } from "./store/mod.ts";

const QUOTAS = {
  chats: 10,
  messages: 5,
  importBytesPerDay: 3 * 1024 * 1024,
  importsPerHour: 100,
  chatsPerMinute: 100,
};

Deno.test("OwnerQuota counts an owner's chats and messages, and no one else's", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new ChatStore(kv, { defaults: { model: "m" } });
    const chat = await store.createChat("alice", { title: "a" });
    await store.createChat("alice", { title: "b" });
    for (const content of ["satu", "dua", "tiga"]) {
      await store.addMessage("alice", chat.id, {
        role: "user",
        content,
        status: "complete",
      });
    }
    await store.createChat("bob", { title: "c" });
    const quota = new OwnerQuota(kv, QUOTAS);
    assertEquals(await quota.usage("alice"), { chats: 2, messages: 3 });
    // Three held plus three imported pass the five allowed.
    const error = await assertRejects(
      () =>
        quota.checkImport("alice", "en", { chats: 1, messages: 3, bytes: 0 }),
      OwnerLimitError,
    );
    assertEquals(error.kind, "quota");
    await quota.checkImport("alice", "en", { chats: 1, messages: 2, bytes: 0 });
  } finally {
    kv.close();
  }
});

Deno.test("OwnerQuota allows so many import bytes per owner a day, counted when checked (before writing), and again the next day", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    let now = Date.parse("2025-01-01T10:00:00Z");
    const quota = new OwnerQuota(kv, QUOTAS, () => now);
    const size = { chats: 0, messages: 0, bytes: 1.5 * 1024 * 1024 };
    await quota.checkImport("alice", "id", size);
    await quota.checkImport("alice", "id", size);
    const error = await assertRejects(
      () => quota.checkImport("alice", "id", size),
      OwnerLimitError,
    );
    assertEquals(
      error.message,
      "Hari ini Anda sudah mengimpor 3 MB; berkas ini akan melampaui batas 3 MB per hari. Coba lagi besok.",
    );
    await quota.checkImport("bob", "id", size);
    now += 86_400_000;
    await quota.checkImport("alice", "id", size);
  } finally {
    kv.close();
  }
});
