import {
  assert,
  assertEquals,
  assertMatch,
  assertRejects,
} from "@/tests/assert.ts";
import { InvalidCursorError } from "./mod.ts";
import { withStore } from "./test_helpers.ts";

/** A clock the test moves by hand, one second per tick. */
function manualClock(start = Date.parse("2024-05-01T10:00:00Z")) {
  let now = start;
  return { now: () => new Date(now), tick: (ms = 1000) => (now += ms) };
}

Deno.test("ChatStore.createChat() fills every setting with its default", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice", {
      defaults: { title: "Obrolan baru", model: "m/x" },
    });
    assertEquals(chat.title, "Obrolan baru");
    assertEquals(chat.model, "m/x");
    assertEquals(chat.persona, "general");
    assertEquals(chat.systemPrompt, "");
    assertEquals(chat.temperature, 0.7);
    assertEquals(chat.contextMessages, 10);
    assertEquals(chat.pinned, false);
    assertEquals(chat.titleFixed, false);
    assertMatch(chat.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assertEquals(chat.updatedAt, chat.createdAt);
    assertEquals(await store.getChat("alice", chat.id), chat);
  });
});

Deno.test("ChatStore.createChat() keeps explicit settings and timestamps", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice", {
      title: "Resep",
      temperature: 0.2,
      contextMessages: 4,
      createdAt: "2023-01-02T03:04:05+07:00",
      updatedAt: "2023-01-03T03:04:05+07:00",
    });
    assertEquals(chat.title, "Resep");
    assertEquals(chat.temperature, 0.2);
    assertEquals(chat.contextMessages, 4);
    assertEquals(chat.createdAt, "2023-01-02T03:04:05+07:00");
    assertEquals(chat.updatedAt, "2023-01-03T03:04:05+07:00");
  });
});

Deno.test("ChatStore.createChat() without a title or model default is refused", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const { ChatStore } = await import("./mod.ts");
    await assertRejects(
      () => new ChatStore(kv).createChat("alice"),
      TypeError,
      "needs a title and a model",
    );
  } finally {
    kv.close();
  }
});

Deno.test("ChatStore.listChats() puts the most recently updated chat first", async () => {
  const clock = manualClock();
  await withStore(async (store) => {
    const a = await store.createChat("alice", { title: "a" });
    clock.tick();
    const b = await store.createChat("alice", { title: "b" });
    clock.tick();
    const c = await store.createChat("alice", { title: "c" });
    clock.tick();
    await store.updateChat("alice", a.id, {});
    const { chats, cursor } = await store.listChats("alice");
    assertEquals(chats.map((x) => x.title), ["a", "c", "b"]);
    assertEquals(cursor, undefined);
    assertEquals(chats[0].updatedAt, clock.now().toISOString());
    assert(b && c);
  }, { now: clock.now });
});

Deno.test("ChatStore.listChats() puts pinned chats first, most recently pinned first", async () => {
  const clock = manualClock();
  await withStore(async (store) => {
    const ids: string[] = [];
    for (const title of ["a", "b", "c", "d"]) {
      ids.push((await store.createChat("alice", { title })).id);
      clock.tick();
    }
    await store.updateChat("alice", ids[0], { pinned: true });
    clock.tick();
    await store.updateChat("alice", ids[2], { pinned: true });
    clock.tick();
    // Editing a pinned chat does not move it among the pinned ones.
    await store.updateChat("alice", ids[0], { title: "a2" });
    const titles = (await store.listChats("alice")).chats.map((c) => c.title);
    assertEquals(titles, ["c", "a2", "d", "b"]);
    const unpinned = await store.updateChat("alice", ids[2], { pinned: false });
    assertEquals(unpinned?.pinnedAt, undefined);
    assertEquals((await store.listChats("alice")).chats.map((c) => c.title), [
      "a2",
      "c",
      "d",
      "b",
    ]);
  }, { now: clock.now });
});

Deno.test("ChatStore.updateChat() sets pinnedAt and bumps updatedAt unless given", async () => {
  const clock = manualClock();
  await withStore(async (store) => {
    const chat = await store.createChat("alice");
    clock.tick();
    const pinned = await store.updateChat("alice", chat.id, {
      pinned: true,
      title: "Pinned",
      titleFixed: true,
    });
    assertEquals(pinned?.pinnedAt, clock.now().toISOString());
    assertEquals(pinned?.updatedAt, clock.now().toISOString());
    assertEquals(pinned?.titleFixed, true);
    const kept = await store.updateChat("alice", chat.id, {
      updatedAt: "2020-01-01T00:00:00Z",
    });
    assertEquals(kept?.updatedAt, "2020-01-01T00:00:00Z");
    assertEquals(await store.getChat("alice", chat.id), kept);
  }, { now: clock.now });
});

Deno.test("ChatStore.listChats() pages with a cursor without gaps or repeats", async () => {
  const clock = manualClock();
  await withStore(async (store) => {
    for (let i = 0; i < 23; i++) {
      await store.createChat("alice", { title: `chat ${i}` });
      clock.tick();
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.listChats("alice", { limit: 5, cursor });
      seen.push(...page.chats.map((c) => c.title));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    assertEquals(pages, 5);
    assertEquals(seen, Array.from({ length: 23 }, (_, i) => `chat ${22 - i}`));
    const exact = await store.listChats("alice", { limit: 23 });
    assertEquals(exact.cursor, undefined);
    await assertRejects(
      () => store.listChats("alice", { cursor: "garbage" }),
      InvalidCursorError,
    );
  }, { now: clock.now });
});

Deno.test("ChatStore.listChats() searches titles and message content ignoring case", async () => {
  const clock = manualClock();
  await withStore(async (store) => {
    const soup = await store.createChat("alice", { title: "Soto Ayam" });
    clock.tick();
    const other = await store.createChat("alice", { title: "Liburan" });
    await store.addMessage("alice", other.id, {
      role: "user",
      content: "Resep SOTO betawi?",
      status: "complete",
    });
    clock.tick();
    const long = await store.createChat("alice", { title: "Panjang" });
    await store.addMessage("alice", long.id, {
      role: "assistant",
      content: "x".repeat(50_000) + "Soto!",
      status: "complete",
    });
    clock.tick();
    await store.createChat("alice", { title: "Nothing here" });
    await store.createChat("bob", { title: "soto bob" });
    const found = await store.listChats("alice", { q: "soto" });
    assertEquals(found.chats.map((c) => c.title), [
      "Panjang",
      "Liburan",
      "Soto Ayam",
    ]);
    const first = await store.listChats("alice", { q: "SOTO", limit: 2 });
    assertEquals(first.chats.map((c) => c.title), ["Panjang", "Liburan"]);
    const rest = await store.listChats("alice", {
      q: "soto",
      limit: 2,
      cursor: first.cursor,
    });
    assertEquals(rest.chats.map((c) => c.id), [soup.id]);
    assertEquals((await store.listChats("alice", { q: "zzz" })).chats, []);
  }, { now: clock.now });
});

Deno.test("ChatStore chat methods treat another owner's chat as missing", async () => {
  await withStore(async (store) => {
    const chat = await store.createChat("alice", { title: "Rahasia" });
    assertEquals(await store.getChat("bob", chat.id), null);
    assertEquals(
      await store.updateChat("bob", chat.id, { title: "Hacked", pinned: true }),
      null,
    );
    assertEquals(await store.updateChat("bob", chat.id, {}), null);
    assertEquals(await store.deleteChat("bob", chat.id), false);
    assertEquals(await store.deleteAllChats("bob"), 0);
    assertEquals((await store.listChats("bob")).chats, []);
    assertEquals((await store.listChats("bob", { q: "rahasia" })).chats, []);
    assertEquals(await store.getChat("alice", chat.id), chat);
  });
});

Deno.test("ChatStore.getChat() returns null for ids that cannot exist", async () => {
  await withStore(async (store) => {
    assertEquals(await store.getChat("alice", "nope"), null);
    assertEquals(await store.getChat("alice", "x".repeat(5000)), null);
    assertEquals(await store.getChat("alice", ""), null);
  });
});

Deno.test("ChatStore.deleteAllChats() deletes every chat of the owner only", async () => {
  await withStore(async (store) => {
    for (let i = 0; i < 12; i++) await store.createChat("alice");
    const kept = await store.createChat("bob");
    assertEquals(await store.deleteAllChats("alice"), 12);
    assertEquals((await store.listChats("alice")).chats, []);
    assertEquals((await store.listChats("bob")).chats, [kept]);
  });
});

Deno.test("ChatStore writes the schema version on first use", async () => {
  await withStore(async (store, kv) => {
    assertEquals((await kv.get(["meta", "schema_version"])).value, null);
    await store.listChats("alice");
    assertEquals((await kv.get(["meta", "schema_version"])).value, 1);
    assertEquals(await store.migrate(), 1);
  });
});

Deno.test("ChatStore refuses data of a newer schema version", async () => {
  await withStore(async (store, kv) => {
    await kv.set(["meta", "schema_version"], 99);
    await assertRejects(
      () => store.getChat("alice", "x"),
      Error,
      "schema version 99",
    );
  });
});

Deno.test("concurrent chat updates keep exactly one order entry per chat", async () => {
  await withStore(async (store, kv) => {
    const chats = await Promise.all(
      Array.from(
        { length: 5 },
        (_, i) => store.createChat("alice", { title: `c${i}` }),
      ),
    );
    await Promise.all(chats.flatMap((chat, i) => [
      store.updateChat("alice", chat.id, { pinned: i % 2 === 0 }),
      store.updateChat("alice", chat.id, { title: `renamed ${i}` }),
      store.updateChat("alice", chat.id, {}),
      store.addMessage("alice", chat.id, {
        role: "user",
        content: "hai",
        status: "complete",
      }),
      store.addMessage("alice", chat.id, {
        role: "assistant",
        content: "halo",
        status: "complete",
      }),
    ]));
    const order = [];
    for await (const entry of kv.list({ prefix: ["chat_order", "alice"] })) {
      order.push(entry);
    }
    assertEquals(order.length, chats.length);
    for (const entry of order) {
      const id = entry.key.at(-1) as string;
      assertEquals(entry.value, await store.getChat("alice", id));
      assertEquals(await store.countMessages("alice", id), 2);
    }
  });
});
