import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import type { ImportedChat } from "@/lib/transfer/types.ts";
import { ChatService } from "./service.ts";
import type { ChatStore } from "./store/mod.ts";
import { withStore } from "./store/test_helpers.ts";

/** A runner stand-in that records which chats it was asked to cancel, and whether they still existed. */
function recordingRunner(store: ChatStore) {
  const cancelled: { chatId: string; existed: boolean }[] = [];
  return {
    cancelled,
    async cancel(owner: string, chatId: string) {
      cancelled.push({ chatId, existed: !!await store.getChat(owner, chatId) });
      return true;
    },
  };
}

const imported = (title: string): ImportedChat => ({
  title,
  titleFixed: true,
  pinned: false,
  createdAt: "2024-05-01T10:00:00+07:00",
  updatedAt: "2024-05-01T10:00:00+07:00",
  settings: {},
  messages: [{
    role: "user",
    content: `about ${title}`,
    createdAt: "2024-05-01T10:00:00+07:00",
    status: "complete",
  }],
  sourceMessageIds: [null],
});

Deno.test("ChatService.deleteAll() cancels every chat's answer before it deletes the chats", async () => {
  await withStore(async (store, kv) => {
    const runner = recordingRunner(store);
    const chats = new ChatService({ kv, store, runner });
    const idle = await store.createChat("alice");
    const busy = await store.createChat("alice");
    await store.addMessage("alice", idle.id, {
      role: "assistant",
      content: "done",
      status: "complete",
    });
    await store.addMessage("alice", busy.id, {
      role: "assistant",
      content: "half",
      status: "streaming",
    });
    const bobs = await store.createChat("bob");
    await store.addMessage("bob", bobs.id, {
      role: "assistant",
      content: "bob's",
      status: "streaming",
    });
    assertEquals(await chats.deleteAll("alice"), 2);
    assertEquals(
      runner.cancelled.sort((a, b) => a.chatId.localeCompare(b.chatId)),
      [idle.id, busy.id].sort().map((chatId) => ({ chatId, existed: true })),
    );
    assertEquals((await store.listChats("alice")).chats, []);
    assert(await store.getChat("bob", bobs.id), "another owner keeps theirs");
  });
});

Deno.test("ChatService.delete() cancels the chat's answer before it deletes the chat", async () => {
  await withStore(async (store, kv) => {
    const runner = recordingRunner(store);
    const chats = new ChatService({ kv, store, runner });
    const chat = await store.createChat("alice");
    assertEquals(await chats.delete({ owner: "alice", chatId: chat.id }), true);
    assertEquals(runner.cancelled, [{ chatId: chat.id, existed: true }]);
    assertEquals(await store.getChat("alice", chat.id), null);
  });
});

Deno.test("ChatService.import() writes every chat, or none when one fails", async () => {
  await withStore(async (store, kv) => {
    const chats = new ChatService({
      kv,
      store,
      runner: recordingRunner(store),
    });
    const written = await chats.import("alice", [imported("a"), imported("b")]);
    assertEquals(written.map((c) => c.title), ["a", "b"]);
    // A value over KV's 64 KiB limit in the second chat fails its write.
    const broken = imported("d");
    broken.messages = [{
      role: "user",
      content: "x",
      status: "complete",
      createdAt: "2024-01-01T00:00:00.000Z",
      model: "m".repeat(70_000),
    }];
    await assertRejects(() => chats.import("alice", [imported("c"), broken]));
    const titles = (await store.listChats("alice")).chats.map((c) => c.title);
    assertEquals(titles.sort(), ["a", "b"]);
  });
});

Deno.test("ChatService.export() holds the current branch only", async () => {
  await withStore(async (store, kv) => {
    const chats = new ChatService({
      kv,
      store,
      runner: recordingRunner(store),
    });
    const chat = await store.createChat("alice");
    const [, first] = await store.addMessages("alice", chat.id, [
      { role: "user", content: "q", status: "complete" },
      { role: "assistant", content: "old", status: "complete" },
    ]) ?? [];
    await store.updateMessage("alice", chat.id, first.id, {
      group: first.id,
      inactive: true,
    });
    await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: "new",
      status: "complete",
      group: first.id,
    });
    const exported = await chats.export({ owner: "alice", chatId: chat.id });
    assertEquals(exported?.messages.map((m) => m.content), ["q", "new"]);
    assertEquals(await chats.export({ owner: "bob", chatId: chat.id }), null);
  });
});
