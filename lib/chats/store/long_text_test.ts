import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { ChatStore } from "./mod.ts";
import { allKeys, mixedText, spyKv, withStore } from "./test_helpers.ts";

const MB = 1024 * 1024;
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

Deno.test("a message of 1 MB of mixed Unicode round-trips intact", async () => {
  await withStore(async (store, kv) => {
    const content = mixedText(700_000);
    const reasoning = mixedText(300_000, 5);
    assert(utf8Length(content) > MB, "the sample should exceed 1 MB as UTF-8");
    const chat = await store.createChat("alice");
    const added = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content,
      reasoning,
      status: "complete",
    });
    // A store without a cache must read the chunks back from KV.
    const reader = new ChatStore(kv, { cacheSize: 0 });
    const read = await reader.getMessage("alice", chat.id, added!.id);
    assertEquals(read?.content === content, true);
    assertEquals(read?.reasoning === reasoning, true);
    const listed = await reader.listMessages("alice", chat.id);
    assertEquals(listed?.[0].content === content, true);
  });
});

Deno.test("a long message reads back intact through a store without a cache", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const content = mixedText(1_100_000, 3);
    const writer = new ChatStore(kv, { defaults: { title: "t", model: "m" } });
    const chat = await writer.createChat("alice");
    const added = await writer.addMessage("alice", chat.id, {
      role: "assistant",
      content,
      status: "complete",
    });
    const reader = new ChatStore(kv, { cacheSize: 0 });
    assertEquals(
      (await reader.getMessage("alice", chat.id, added!.id))?.content ===
        content,
      true,
    );
    // A fresh store must detect the append from KV, too.
    const grown = content + "tambahan 😀";
    await reader.updateMessage("alice", chat.id, added!.id, { content: grown });
    assertEquals(
      (await writer.getMessage("alice", chat.id, added!.id))?.content === grown,
      true,
    );
  } finally {
    kv.close();
  }
});

Deno.test("an append flush of a 1 MB answer rewrites only the tail chunks", async () => {
  const inner = await Deno.openKv(":memory:");
  try {
    const spied = spyKv(inner);
    const store = new ChatStore(spied.kv, {
      defaults: { title: "t", model: "m" },
    });
    const chat = await store.createChat("alice");
    const full = mixedText(1_000_000, 9);
    const message = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: "",
      status: "streaming",
    });
    let text = "";
    const costs: number[] = [];
    for (const step of [5_000, 20_000, 300_000, 600_000, 999_000, 1_000_000]) {
      text = full.slice(0, step);
      spied.mutations.length = 0;
      await store.updateMessage("alice", chat.id, message!.id, {
        content: text,
      });
      costs.push(spied.mutations.length);
    }
    // Each flush: the message record plus chunks from the first changed one.
    spied.mutations.length = 0;
    text = full + "Selesai. 🎉";
    await store.updateMessage("alice", chat.id, message!.id, {
      content: text,
      status: "complete",
    });
    const chunkWrites = spied.mutations.filter((m) => m.key[0] === "content");
    const others = spied.mutations.filter((m) => m.key[0] !== "content");
    assert(
      chunkWrites.length <= 2,
      `a small append wrote ${chunkWrites.length} chunks`,
    );
    assertEquals(others.map((m) => m.key[0]).sort(), ["messages", "streaming"]);
    // 999,000 → 1,000,000 characters: a record and one or two chunks.
    assert(
      costs.at(-1)! <= 3,
      `the last 1,000 characters cost ${costs.at(-1)} mutations`,
    );
    const read = await store.getMessage("alice", chat.id, message!.id);
    assertEquals(read?.content === text, true);
    assertEquals(read?.status, "complete");
  } finally {
    inner.close();
  }
});

Deno.test("replacing long content with shorter or different content leaves no old chunks", async () => {
  await withStore(async (store, kv) => {
    const chat = await store.createChat("alice");
    const long = mixedText(200_000, 2);
    const m = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: long,
      status: "complete",
    });
    const chunkKeys = async () =>
      (await allKeys(kv)).filter((k) => k[0] === "content");
    const versions = async () =>
      new Set((await chunkKeys()).map((k) => k[5])).size;
    assertEquals(await versions(), 1);
    const different = "Berbeda! " + mixedText(150_000, 4);
    await store.updateMessage("alice", chat.id, m!.id, { content: different });
    assertEquals(
      (await store.getMessage("alice", chat.id, m!.id))?.content === different,
      true,
    );
    assertEquals(await versions(), 1);
    const shorter = different.slice(0, 40_000);
    await store.updateMessage("alice", chat.id, m!.id, { content: shorter });
    assertEquals(
      (await store.getMessage("alice", chat.id, m!.id))?.content === shorter,
      true,
    );
    assertEquals((await chunkKeys()).length, 3);
    await store.updateMessage("alice", chat.id, m!.id, { content: "pendek" });
    assertEquals(
      (await store.getMessage("alice", chat.id, m!.id))?.content,
      "pendek",
    );
    assertEquals(await chunkKeys(), []);
  });
});

Deno.test("reading a message whose chunk is missing throws a clear error", async () => {
  await withStore(async (store, kv) => {
    const chat = await store.createChat("alice");
    const m = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: mixedText(100_000),
      status: "complete",
    });
    const victim = (await allKeys(kv)).find((k) =>
      k[0] === "content" && k[6] === 1
    )!;
    await kv.delete(victim);
    const reader = new ChatStore(kv, { cacheSize: 0 });
    await assertRejects(
      () => reader.getMessage("alice", chat.id, m!.id),
      Error,
      "damaged content",
    );
  });
});

Deno.test("ChatStore.deleteChat() removes every key of the chat", async () => {
  await withStore(async (store, kv) => {
    const keep = await store.createChat("alice", { title: "keep" });
    await store.addMessage("alice", keep.id, {
      role: "user",
      content: "tetap",
      status: "complete",
    });
    const baseline = await allKeys(kv);
    const chat = await store.createChat("alice", { title: "gone" });
    await store.updateChat("alice", chat.id, { pinned: true });
    await store.addMessage("alice", chat.id, {
      role: "user",
      content: "Halo",
      status: "complete",
    });
    await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: mixedText(300_000),
      reasoning: mixedText(90_000),
      status: "streaming",
    });
    assertEquals(await store.deleteChat("alice", chat.id), true);
    assertEquals(await store.deleteChat("alice", chat.id), false);
    assertEquals(await allKeys(kv), baseline);
    assertEquals(await store.getChat("alice", chat.id), null);
  });
});

Deno.test("chunk boundaries never split a surrogate pair, even as a pair completes", async () => {
  await withStore(async (store, kv) => {
    const chat = await store.createChat("alice");
    const emoji = "😀👩‍💻🇮🇩".repeat(50);
    const m = await store.addMessage("alice", chat.id, {
      role: "assistant",
      content: "",
      status: "streaming",
    });
    let text = "";
    for (const char of emoji) {
      text += char;
      await store.updateMessage("alice", chat.id, m!.id, { content: text });
    }
    for (let cut = 1; cut < 30; cut++) {
      text += "\uD83D";
      await store.updateMessage("alice", chat.id, m!.id, { content: text });
      text += "\uDE00" + "a".repeat(cut % 3);
      await store.updateMessage("alice", chat.id, m!.id, { content: text });
    }
    const reader = new ChatStore(kv, { cacheSize: 0 });
    assertEquals(
      (await reader.getMessage("alice", chat.id, m!.id))?.content,
      text,
    );
    // Every stored chunk is well-formed text on its own.
    for await (const entry of kv.list<string>({ prefix: ["content"] })) {
      assert(!/\p{Cs}/u.test(entry.value), `chunk ${String(entry.key.at(-1))}`);
    }
  }, { chunkSize: 7, inlineMax: 5 });
});
