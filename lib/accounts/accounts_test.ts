import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { AccountError, AccountStore } from "./accounts.ts";

async function withStore(body: (s: AccountStore) => Promise<void>) {
  const kv = await Deno.openKv(":memory:");
  try {
    await body(new AccountStore(kv));
  } finally {
    kv.close();
  }
}

Deno.test("the first account is an admin, later ones are not unless named", async () => {
  await withStore(async (store) => {
    const first = await store.create({ username: "ani" });
    const second = await store.create({ username: "budi" });
    const named = await store.create({
      username: "Citra",
      adminNames: ["citra"],
    });
    assertEquals([first.admin, second.admin, named.admin], [true, false, true]);
    assertEquals((await store.byOwner(second.owner))?.id, second.id);
    assertEquals((await store.byUsername("CITRA"))?.id, named.id);
  });
});

Deno.test("a username is taken whatever its case, and two sign-ups of one name at once make one account", async () => {
  await withStore(async (store) => {
    await store.create({ username: "Ani" });
    const taken = await assertRejects(
      () => store.create({ username: "aNI" }),
      AccountError,
    );
    assertEquals(taken.reason, "taken");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.create({ username: "dewi" })),
    );
    assertEquals(results.filter((r) => r.status === "fulfilled").length, 1);
    assertEquals((await store.list()).length, 2);
    const admins = (await store.list()).filter((a) => a.admin);
    assertEquals(admins.map((a) => a.username), ["Ani"]);
  });
});

Deno.test("create() refuses a username with spaces or of the wrong length", async () => {
  await withStore(async (store) => {
    for (const username of ["ab", "a b c", "x".repeat(33), "<script>"]) {
      const error = await assertRejects(
        () => store.create({ username }),
        AccountError,
      );
      assertEquals(error.reason, "username");
    }
  });
});

Deno.test("delete() frees the username and forgets the owner", async () => {
  await withStore(async (store) => {
    const ani = await store.create({ username: "ani" });
    await store.delete(ani);
    assertEquals(await store.byOwner(ani.owner), null);
    assertEquals(await store.get(ani.id), null);
    assertEquals((await store.create({ username: "ani" })).username, "ani");
  });
});
