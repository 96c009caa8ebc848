import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { allKeys, mixedText, spyKv, withStore } from "./test_helpers.ts";
import { ChatStore } from "./mod.ts";

Deno.test("ChatStore.addMessage() lists messages in creation order with sortable ids", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    const sent = [];
    for (let i = 0; i < 30; i++) {
      sent.push(
        await store.addMessage("alice", chat.id, {
          role: i % 2 ? "assistant" : "user",
          content: `message ${i}`,
          status: "complete",
        }),
      );
    }
    const listed = await store.listMessages("alice", chat.id);
    assertEquals(listed, sent);
    assertEquals(
      listed!.map((m) => m.content),
      sent.map((_, i) => `message ${i}`),
    );
    assertEquals(await store.countMessages("alice", chat.id), 30);
    assertEquals(
      await store.getMessage("alice", chat.id, sent[3]!.id),
      sent[3],
    );
  });
});

Deno.test("ChatStore.addMessage() bumps the chat's updatedAt and moves it to the top", async () => {
  let now = Date.parse("2024-05-01T10:00:00Z");
  await withStore(async (store) => {
    const older = await store.createChat("alice", { title: "older" });
    now += 1000;
    await store.createChat("alice", { title: "newer" });
    now += 1000;
    await store.addMessage("alice", older.id, {
      role: "user",
      content: "hi",
      status: "complete",
    });
    const chat = await store.getChat("alice", older.id);
    assertEquals(chat?.updatedAt, new Date(now).toISOString());
    assertEquals((await store.listChats("alice")).chats.map((c) => c.title), [
      "older",
      "newer",
    ]);
  }, { now: () => new Date(now) });
});

Deno.test("ChatStore.addMessage() keeps given ids, timestamps and optional fields", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    const message = await store.addMessage("alice", chat.id, {
      id: "01CUSTOM",
      createdAt: "2024-01-01T07:00:00+07:00",
      role: "assistant",
      content: "Jawaban",
      reasoning: "Pikiran",
      status: "complete",
      model: "m/x",
      usage: { promptTokens: 3, completionTokens: 5, cost: 0.001 },
      feedback: null,
      command: true,
    });
    assertEquals(await store.getMessage("alice", chat.id, "01CUSTOM"), message);
    assertEquals(message?.reasoning, "Pikiran");
    await assertRejects(
      () =>
        store.addMessage("alice", chat.id, {
          id: "01CUSTOM",
          role: "user",
          content: "",
          status: "complete",
        }),
      Error,
      "already exists",
    );
  });
});

Deno.test("ChatStore.updateMessage() changes fields and removes those set to undefined", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    const message = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: "",
      status: "streaming",
      error: { code: "x", message: "y" },
    });
    const updated = await store.updateMessage("alice", chat.id, message!.id, {
      content: "Halo",
      status: "complete",
      feedback: "like",
      usage: { promptTokens: 1, completionTokens: 2 },
      error: undefined,
    });
    assertEquals(updated, {
      id: message!.id,
      role: "assistant",
      content: "Halo",
      createdAt: message!.createdAt,
      status: "complete",
      feedback: "like",
      usage: { promptTokens: 1, completionTokens: 2 },
    });
    assertEquals(
      await store.getMessage("alice", chat.id, message!.id),
      updated,
    );
    assertEquals(
      await store.updateMessage("alice", chat.id, "missing", { content: "x" }),
      null,
    );
  });
});

Deno.test("ChatStore.listStreaming() finds streaming messages across owners until they finish", async () => {
  await withStore(async (store) => {
    const a = await store.createChat("alice");
    const b = await store.createChat("bob");
    const ma = await store.addMessage("alice", a.id, {
      role: "assistant",
      content: "",
      status: "streaming",
    });
    const mb = await store.addMessage("bob", b.id, {
      role: "assistant",
      content: "",
      status: "complete",
    });
    await store.updateMessage("bob", b.id, mb!.id, { status: "streaming" });
    const found = await store.listStreaming();
    assertEquals(found.length, 2);
    assert(
      found.some((r) =>
        r.owner === "alice" && r.chatId === a.id && r.messageId === ma!.id
      ),
    );
    assert(
      found.some((r) =>
        r.owner === "bob" && r.chatId === b.id && r.messageId === mb!.id
      ),
    );
    await store.updateMessage("alice", a.id, ma!.id, {
      status: "error",
      error: { code: "interrupted", message: "Stopped" },
    });
    await store.deleteMessage("bob", b.id, mb!.id);
    assertEquals(await store.listStreaming(), []);
  });
});

Deno.test("ChatStore.deleteMessage() removes one message and updates the count", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    const ids = [];
    for (const content of ["q", "a", "q2", "a2"]) {
      ids.push(
        (await store.addMessage("alice", chat.id, {
          role: "user",
          content,
          status: "complete",
        }))!.id,
      );
    }
    assertEquals(await store.deleteMessage("alice", chat.id, ids[3]), true);
    assertEquals(await store.deleteMessage("alice", chat.id, ids[3]), false);
    assertEquals(await store.countMessages("alice", chat.id), 3);
    assertEquals(await store.deleteMessagesAfter("alice", chat.id, ids[0]), 2);
    assertEquals(
      (await store.listMessages("alice", chat.id))!.map((m) => m.content),
      ["q"],
    );
    assertEquals(await store.countMessages("alice", chat.id), 1);
  });
});

Deno.test("ChatStore message methods treat another owner's chat as missing", async () => {
  await withStore(async (store, kv) => {
    const chat = await store.createChat("alice");
    const message = await store.addMessage("alice", chat.id, {
      role: "user",
      content: "rahasia",
      status: "streaming",
    });
    const before = await allKeys(kv);
    const id = message!.id;
    assertEquals(await store.listMessages("bob", chat.id), null);
    assertEquals(await store.getMessage("bob", chat.id, id), null);
    assertEquals(await store.countMessages("bob", chat.id), null);
    assertEquals(
      await store.addMessage("bob", chat.id, {
        role: "user",
        content: "x",
        status: "complete",
      }),
      null,
    );
    assertEquals(
      await store.updateMessage("bob", chat.id, id, { content: "hacked" }),
      null,
    );
    assertEquals(await store.deleteMessage("bob", chat.id, id), false);
    assertEquals(await store.deleteMessagesAfter("bob", chat.id, ""), 0);
    assertEquals(await store.deleteMessagesAfter("bob", chat.id, "0"), 0);
    assertEquals(await allKeys(kv), before);
    assertEquals(await store.getMessage("alice", chat.id, id), message);
  });
});

Deno.test("ChatStore.listMessages() of a missing chat is null, of an empty chat empty", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    assertEquals(await store.listMessages("alice", chat.id), []);
    assertEquals(await store.listMessages("alice", "missing"), null);
    assertEquals(await store.countMessages("alice", chat.id), 0);
  });
});

Deno.test("ChatStore.addMessages() stores a question, its placeholder and the title in one commit", async () => {
  const inner = await Deno.openKv(":memory:");
  try {
    const spied = spyKv(inner);
    const store = new ChatStore(spied.kv, {
      defaults: { title: "New chat", model: "test/model" },
    });
    const chat = await store.createChat("alice");
    const long = mixedText(150_000);
    const before = spied.commits;
    const added = await store.addMessages("alice", chat.id, [
      { role: "user", content: long, status: "complete" },
      { role: "assistant", content: "", status: "streaming" },
    ], { title: "Rendang" });
    // The question's text chunks, both records, the count, the streaming
    // mark and the title.
    assertEquals(spied.commits - before, 1);
    assertEquals(await store.listMessages("alice", chat.id), added);
    assertEquals(added![0].content, long);
    assertEquals(await store.countMessages("alice", chat.id), 2);
    assertEquals((await store.getChat("alice", chat.id))!.title, "Rendang");
    assertEquals(await store.listStreaming(), [
      { owner: "alice", chatId: chat.id, messageId: added![1].id },
    ]);

    await store.addMessages("alice", chat.id, [
      { role: "user", content: "lagi", status: "complete" },
    ]);
    assertEquals(await store.countMessages("alice", chat.id), 3);
    assertEquals(await store.addMessages("alice", "missing", []), null);
  } finally {
    inner.close();
  }
});

Deno.test("ChatStore.addMessages() refuses two messages with one id and stores nothing", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    await assertRejects(
      () =>
        store.addMessages("alice", chat.id, [
          { id: "same", role: "user", content: "a", status: "complete" },
          { id: "same", role: "assistant", content: "", status: "streaming" },
        ]),
      TypeError,
      "different ids",
    );
    assertEquals(await store.listMessages("alice", chat.id), []);
    assertEquals(await store.countMessages("alice", chat.id), 0);
  });
});
