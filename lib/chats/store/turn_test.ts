import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { allKeys, mixedText, spyKv, withStore } from "./test_helpers.ts";
import { ChatStore } from "./mod.ts";
import type { Message } from "../types.ts";

/** A KV whose atomic commits throw once `fail(op's keys)` says so. */
function failingKv(
  inner: Deno.Kv,
  fail: (keys: Deno.KvKey[]) => boolean,
): Deno.Kv {
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === "atomic") {
        return () => {
          const op = target.atomic();
          const keys: Deno.KvKey[] = [];
          const proxy: Deno.AtomicOperation = new Proxy(op, {
            get(o, p) {
              const value = Reflect.get(o, p, o);
              if (typeof value !== "function") return value;
              return (...args: unknown[]) => {
                if (p === "set" || p === "delete") {
                  keys.push(args[0] as Deno.KvKey);
                }
                if (p === "commit" && fail(keys)) {
                  return Promise.reject(new Error("disk failure"));
                }
                const result = value.apply(o, args);
                return result === o ? proxy : result;
              };
            },
          });
          return proxy;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A chat of `count` alternating questions and answers. */
async function chatWith(store: ChatStore, count: number) {
  const chat = await store.createChat("alice");
  for (let i = 0; i < count; i += 8) {
    await store.addMessages(
      "alice",
      chat.id,
      Array.from({ length: Math.min(8, count - i) }, (_, j) => ({
        role: (i + j) % 2 ? "assistant" as const : "user" as const,
        content: `pesan ${i + j}`,
        status: "complete" as const,
      })),
    );
  }
  return { chat, messages: (await store.listMessages("alice", chat.id))! };
}

const touchesCount = (keys: Deno.KvKey[]) =>
  keys.some((k) => k[0] === "message_count");

Deno.test("commitTurn() adds, updates, removes and retitles in one commit", async () => {
  const inner = await Deno.openKv(":memory:");
  const spied = spyKv(inner);
  try {
    const store = new ChatStore(spied.kv, {
      defaults: { title: "New chat", model: "m" },
    });
    const { chat, messages } = await chatWith(store, 6);
    const commits = spied.commits;
    const done = await store.commitTurn({ owner: "alice", chatId: chat.id }, {
      update: [{ id: messages[2].id, patch: { content: "diubah" } }],
      remove: messages.slice(3).map((m) => m.id),
      add: [{ role: "assistant", content: "", status: "streaming" }],
      chat: { title: "Judul baru" },
    });
    assertEquals(spied.commits - commits, 1, "one commit");
    assertEquals(done!.updated.map((m) => m.content), ["diubah"]);
    const listed = (await store.listMessages("alice", chat.id))!;
    assertEquals(listed.map((m) => m.content), [
      "pesan 0",
      "pesan 1",
      "diubah",
      "",
    ]);
    assertEquals(listed[3], done!.added[0]);
    assertEquals(await store.countMessages("alice", chat.id), 4);
    assertEquals((await store.getChat("alice", chat.id))!.title, "Judul baru");
    assertEquals(
      (await store.listStreaming()).map((r) => r.messageId),
      [done!.added[0].id],
    );
  } finally {
    inner.close();
  }
});

Deno.test("commitTurn() that fails at its commit leaves the chat and KV as they were", async () => {
  const kv = await Deno.openKv(":memory:");
  let failing = false;
  try {
    const options = { chunkSize: 1000, inlineMax: 100 };
    const setup = new ChatStore(kv, { defaults: { title: "t", model: "m" } });
    const { chat, messages } = await chatWith(setup, 10);
    const before = await allKeys(kv);
    const store = new ChatStore(
      failingKv(kv, (keys) => failing && touchesCount(keys)),
      { defaults: { title: "t", model: "m" }, ...options },
    );
    failing = true;
    // A long text goes in chunks, some in commits before the failing one.
    await assertRejects(
      () =>
        store.commitTurn({ owner: "alice", chatId: chat.id }, {
          update: [{ id: messages[4].id, patch: { content: "baru" } }],
          remove: messages.slice(5).map((m) => m.id),
          add: [{
            role: "assistant",
            content: mixedText(300_000),
            status: "complete",
          }],
          chat: { title: "x" },
        }),
      Error,
      "disk failure",
    );
    assertEquals(await setup.listMessages("alice", chat.id), messages);
    assertEquals(await setup.countMessages("alice", chat.id), 10);
    assertEquals((await setup.getChat("alice", chat.id))!.title, chat.title);
    assertEquals(await allKeys(kv), before, "no chunk is left behind");
  } finally {
    kv.close();
  }
});

Deno.test("deleting a tail in a loop, as turns did before commitTurn(), leaves half of it when a write fails", async () => {
  // Proves the check above can fail: the same failure, one delete at a time.
  const kv = await Deno.openKv(":memory:");
  try {
    const setup = new ChatStore(kv, { defaults: { title: "t", model: "m" } });
    const { chat, messages } = await chatWith(setup, 10);
    let deletes = 0;
    const store = new ChatStore(
      failingKv(kv, (keys) => touchesCount(keys) && ++deletes > 2),
      { defaults: { title: "t", model: "m" } },
    );
    await assertRejects(async () => {
      for (const m of messages.slice(5)) {
        await store.deleteMessage("alice", chat.id, m.id);
      }
    });
    const left = (await setup.listMessages("alice", chat.id))!;
    assert(left.length !== messages.length && left.length !== 5);
  } finally {
    kv.close();
  }
});

Deno.test("commitTurn() removes a tail too long for one commit newest first, so a failure leaves no gap", async () => {
  await withStore(async (store, kv) => {
    const { chat, messages } = await chatWith(store, 320);
    const failing = new ChatStore(
      failingKv(kv, (keys) => keys.some((k) => k[0] === "chats")),
      { defaults: { title: "t", model: "m" } },
    );
    const writes = {
      update: [{ id: messages[0].id, patch: { content: "diubah" } }],
      remove: messages.slice(1).map((m) => m.id),
      add: [{
        role: "assistant" as const,
        content: "",
        status: "streaming" as const,
      }],
    };
    await assertRejects(() =>
      failing.commitTurn({ owner: "alice", chatId: chat.id }, writes)
    );
    const left = (await store.listMessages("alice", chat.id))!;
    assert(left.length > 1 && left.length < 320, `${left.length} left`);
    assertEquals(left, messages.slice(0, left.length), "an older prefix");
    assertEquals(await store.countMessages("alice", chat.id), left.length);

    const done = await store.commitTurn(
      { owner: "alice", chatId: chat.id },
      { ...writes, remove: left.slice(1).map((m) => m.id) },
    );
    const listed = (await store.listMessages("alice", chat.id))!;
    assertEquals(listed.map((m) => m.content), ["diubah", ""]);
    assertEquals(listed[1], done!.added[0]);
    assertEquals(await store.countMessages("alice", chat.id), 2);
  });
});

Deno.test("commitTurn() writes nothing without the chat or a message to update", async () => {
  await withStore(async (store, kv) => {
    const { chat, messages } = await chatWith(store, 4);
    const before = await allKeys(kv);
    const add = [{
      role: "user" as const,
      content: "x",
      status: "complete" as const,
    }];
    assertEquals(
      await store.commitTurn({ owner: "bob", chatId: chat.id }, { add }),
      null,
    );
    assertEquals(
      await store.commitTurn({ owner: "alice", chatId: chat.id }, {
        add,
        update: [{ id: "nope", patch: { content: "y" } }],
        remove: [messages[3].id],
      }),
      null,
    );
    assertEquals(await allKeys(kv), before);
    await assertRejects(
      () =>
        store.commitTurn({ owner: "alice", chatId: chat.id }, {
          update: [{ id: messages[1].id, patch: {} }],
          remove: [messages[1].id],
        }),
      TypeError,
    );
    const kept: Message[] = (await store.listMessages("alice", chat.id))!;
    assertEquals(kept, messages);
  });
});

Deno.test("commitTurn() refuses a turn whose messages do not fit one commit, before writing", async () => {
  await withStore(async (store, kv) => {
    const { chat, messages } = await chatWith(store, 40);
    const long = mixedText(8000);
    for (let i = 0; i < 40; i += 8) {
      await store.commitTurn({ owner: "alice", chatId: chat.id }, {
        update: messages.slice(i, i + 8).map((m) => ({
          id: m.id,
          patch: { content: long, reasoning: long },
        })),
      });
    }
    const before = await allKeys(kv);
    await assertRejects(
      () =>
        store.commitTurn({ owner: "alice", chatId: chat.id }, {
          update: messages.map((m) => ({
            id: m.id,
            patch: { feedback: "like" },
          })),
        }),
      RangeError,
      "do not fit one commit",
    );
    assertEquals(await allKeys(kv), before);
  });
});
