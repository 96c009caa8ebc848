import { assert, assertEquals } from "@/tests/assert.ts";
import { generationLeaseKey, ownerMoveKey } from "@/lib/kv_keys.ts";
import { ChatStore } from "./mod.ts";
import {
  allKeys,
  exhaustibleKv,
  mixedText,
  withStore,
} from "./test_helpers.ts";

const FROM = "anonymous-owner-0000001";
const TO = "account-owner-000000001";

/** Two chats of FROM (one with a text long enough to be chunked), one of TO, one of a bystander. */
async function seed(store: ChatStore) {
  const a = await store.createChat(FROM, { title: "Resep rendang" });
  await store.addMessages(FROM, a.id, [
    { role: "user", content: "Bagaimana memasak rendang?", status: "complete" },
    { role: "assistant", content: mixedText(40_000), status: "complete" },
  ]);
  const b = await store.createChat(FROM, { title: "Pinned", pinned: true });
  await store.addMessage(FROM, b.id, {
    role: "user",
    content: "halo",
    status: "complete",
  });
  const mine = await store.createChat(TO, { title: "Already mine" });
  const other = await store.createChat("bystander-owner-0000001", {
    title: "Not yours",
  });
  return { a, b, mine, other };
}

const ownerKeys = async (kv: Deno.Kv, owner: string) =>
  (await allKeys(kv)).filter((key) => key[1] === owner);

Deno.test("moveChats() moves every chat with its messages and long texts, and leaves nothing behind", async () => {
  await withStore(async (store, kv) => {
    const { a, b, other } = await seed(store);
    const long = (await store.listMessages(FROM, a.id))![1].content;
    assertEquals(await store.moveChats(FROM, TO), { moved: 2 });
    const titles = (await store.listChats(TO)).chats.map((c) => c.title);
    assertEquals(titles, ["Pinned", "Already mine", "Resep rendang"]);
    const moved = await store.listMessages(TO, a.id);
    assertEquals(moved?.map((m) => m.content), [
      "Bagaimana memasak rendang?",
      long,
    ]);
    assertEquals(await store.countMessages(TO, b.id), 1);
    assertEquals((await store.listChats(FROM)).chats, []);
    assertEquals(await ownerKeys(kv, FROM), []);
    // A bystander's chat is untouched.
    assertEquals(
      (await store.getChat("bystander-owner-0000001", other.id))?.title,
      "Not yours",
    );
  });
});

Deno.test("moveChats() refuses, moving nothing, while an answer is being written in one of the chats", async () => {
  await withStore(async (store, kv) => {
    const { a } = await seed(store);
    await kv.set(generationLeaseKey(FROM, a.id), { messageId: "m" });
    assertEquals(await store.moveChats(FROM, TO), { busy: true });
    assertEquals((await store.listChats(FROM)).chats.length, 2);
    assertEquals((await store.listChats(TO)).chats.length, 1);
  });
});

Deno.test("a move cut off by a failing disk at any write is finished by resumeMoves(), each chat in exactly one list", async () => {
  const full = await Deno.openKv(":memory:");
  const reference = new ChatStore(full, {
    defaults: { title: "t", model: "m" },
  });
  await seed(reference);
  const before = await allKeys(full);
  await reference.moveChats(FROM, TO);
  const writes = (await allKeys(full)).length + before.length; // an upper bound on commits
  full.close();
  let sawPartial = false;
  for (let budget = 0; budget < writes; budget++) {
    const kv = await Deno.openKv(":memory:");
    try {
      const healthy = new ChatStore(kv, {
        defaults: { title: "t", model: "m" },
      });
      const { a } = await seed(healthy);
      const failing = new ChatStore(exhaustibleKv(kv, { writes: budget }), {
        defaults: { title: "t", model: "m" },
      });
      const crashed = await failing.moveChats(FROM, TO).then(
        () => false,
        () => true,
      );
      if (!crashed) break;
      // Whatever the crash left: every chat is listed once, under one owner.
      const listed = [
        ...(await healthy.listChats(FROM)).chats,
        ...(await healthy.listChats(TO)).chats,
      ].map((c) => c.id);
      assertEquals(listed.length, new Set(listed).size);
      assertEquals(listed.length, 3);
      if ((await healthy.listChats(FROM)).chats.length === 1) sawPartial = true;
      const begun = (await kv.get(ownerMoveKey(FROM))).value !== null;
      await new ChatStore(kv, { defaults: { title: "t", model: "m" } })
        .resumeMoves();
      if (!begun) {
        // Cut off before its first write: nothing moved, nothing to finish.
        assertEquals((await healthy.listChats(TO)).chats.length, 1);
        continue;
      }
      assertEquals((await healthy.listChats(TO)).chats.length, 3);
      assertEquals(await ownerKeys(kv, FROM), []);
      assertEquals((await healthy.listMessages(TO, a.id))?.length, 2);
    } finally {
      kv.close();
    }
  }
  assert(sawPartial, "some crash point fell between the two chats");
});
