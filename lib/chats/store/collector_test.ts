import { assertEquals } from "@/tests/assert.ts";
import { startGarbageCollector } from "./collector.ts";
import { allKeys, withStore } from "./test_helpers.ts";

/** Leaves what a purge cut short by a crash leaves: a trash mark and a message. */
async function interruptedDeletion(kv: Deno.Kv, chatId: string) {
  await kv.set(["trash", "alice", chatId], "2024-05-01T09:00:00Z");
  await kv.set(["messages", "alice", chatId, "M1"], { id: "M1" });
}

Deno.test("startGarbageCollector() purges at start, then again every interval, until stopped", async () => {
  await withStore(async (store, kv) => {
    await store.migrate();
    const clean = await allKeys(kv);
    await interruptedDeletion(kv, "C1");
    const collector = startGarbageCollector(store, { intervalMs: 50 });
    try {
      await collector.idle();
      assertEquals(await allKeys(kv), clean, "purged at start");
      await interruptedDeletion(kv, "C2");
      await new Promise((resolve) => setTimeout(resolve, 120));
      await collector.idle();
      assertEquals(await allKeys(kv), clean, "purged by a later run");
    } finally {
      await collector.stop();
    }
    await interruptedDeletion(kv, "C3");
    await new Promise((resolve) => setTimeout(resolve, 120));
    assertEquals((await allKeys(kv)).length, clean.length + 2, "stopped");
  });
});

Deno.test("startGarbageCollector() runs a second time soon after the start, before the first interval", async () => {
  let calls = 0;
  const collector = startGarbageCollector({
    collectGarbage: () => Promise.resolve(++calls),
  }, { intervalMs: 60_000, afterStartMs: 30 });
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await collector.idle();
    assertEquals(calls, 2);
  } finally {
    await collector.stop();
  }
});

Deno.test("startGarbageCollector() reports a failed run and keeps running", async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const collector = startGarbageCollector({
    collectGarbage: () => {
      calls++;
      return Promise.reject(new Error("KV is down"));
    },
  }, { intervalMs: 20, onError: (error) => errors.push(error) });
  await new Promise((resolve) => setTimeout(resolve, 70));
  await collector.stop();
  assertEquals(calls >= 2, true, `ran ${calls} times`);
  assertEquals(errors.length, calls);
});
