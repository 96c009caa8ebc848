import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { ChatStore, type ImportItem } from "./mod.ts";
import { allKeys, exhaustibleKv } from "./test_helpers.ts";
import { IMPORT_LEASE_MS } from "./import_state.ts";

const items = (chats: number, messages: number): ImportItem[] =>
  Array.from({ length: chats }, (_, c) => ({
    init: { title: `chat ${c}` },
    messages: Array.from({ length: messages }, (_, i) => ({
      role: i % 2 ? "assistant" : "user",
      content: `pesan ${c}/${i}`,
      status: "complete",
    })),
  }));

Deno.test("an import that fails half-way shows nothing, and the next collection removes what it staged", async () => {
  let now = Date.parse("2024-05-01T10:00:00Z");
  const kv = await Deno.openKv(":memory:");
  try {
    const plain = new ChatStore(kv, {
      defaults: { model: "m" },
      now: () => new Date(now),
    });
    await plain.createChat("alice", { title: "existing" });
    const before = await allKeys(kv);
    // A disk that fills after 5 writes: the clean-up after the failure
    // cannot write either, so the staged chats stay behind.
    const budget = { writes: 5 };
    const failing = new ChatStore(exhaustibleKv(kv, budget), {
      defaults: { model: "m" },
      now: () => new Date(now),
    });
    await assertRejects(
      () => failing.importChats("alice", items(300, 10)),
      Error,
      "disk is full",
    );
    const staged = (await allKeys(kv)).filter((k) => k[0] === "chats");
    assert(staged.length > 10, `chats were staged: ${staged.length}`);
    const titles = async (store: ChatStore) =>
      (await store.listChats("alice", { limit: 1000 })).chats.map((c) =>
        c.title
      );
    assertEquals(await titles(plain), ["existing"]);
    assertEquals(await titles(failing), ["existing"]);
    const ids = (await plain.listChats("alice")).chats.map((c) => c.id);
    const stagedId = staged.map((k) => k[2] as string).find((id) =>
      !ids.includes(id)
    )!;
    assertEquals(await plain.getChat("alice", stagedId), null);
    assertEquals(await plain.listMessages("alice", stagedId), null);
    assertEquals(await plain.countMessages("alice", stagedId), null);
    // Still within the importer's lease: it might be alive, so it is kept.
    assertEquals(await plain.collectGarbage(), 0);
    now += IMPORT_LEASE_MS + 1;
    assertEquals(await plain.collectGarbage(), 1);
    assertEquals(await allKeys(kv), before);
  } finally {
    kv.close();
  }
});

Deno.test("an import that fails half-way with a working clean-up leaves KV as it was", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const plain = new ChatStore(kv, { defaults: { model: "m" } });
    await plain.migrate();
    const before = await allKeys(kv);
    // One write fails, later ones work: the import's own clean-up runs.
    const store = new ChatStore(exhaustibleKv(kv, { writes: 3, failures: 1 }), {
      defaults: { model: "m" },
    });
    await assertRejects(() => store.importChats("alice", items(300, 10)));
    assertEquals(await allKeys(kv), before);
  } finally {
    kv.close();
  }
});

Deno.test("1,000 imported chats become visible in one step, and readable by id", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new ChatStore(kv, { defaults: { model: "m" } });
    const written = await store.importChats("alice", items(1000, 2));
    assertEquals(written.length, 1000);
    const { chats } = await store.listChats("alice", { limit: 1000 });
    assertEquals(chats.length, 1000);
    const one = await store.getChat("alice", written[500].id);
    assertEquals(one, written[500]);
    assert(!("importId" in one!), "the import id is not shown to callers");
    assertEquals((await store.listMessages("alice", one!.id))!.length, 2);
    // Only the import's record remains of the staging.
    const staging = (await allKeys(kv)).filter((k) =>
      k[0] === "import_chats" || k[0] === "imports"
    );
    assertEquals(staging.map((k) => k[0]), ["imports"]);
  } finally {
    kv.close();
  }
});
