import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { StorageHealth } from "./storage_health.ts";

/** A KV whose writes throw `failure` while it is set. */
async function failingKv(failure: { message: string | null }) {
  const kv = await Deno.openKv(":memory:");
  const set = kv.set.bind(kv);
  kv.set = ((key, value, options) => {
    if (failure.message) return Promise.reject(new TypeError(failure.message));
    return set(key, value, options);
  }) as Deno.Kv["set"];
  return kv;
}

Deno.test("StorageHealth: a full disk fails storage until a probe write succeeds; a locked database does not", async () => {
  const failure: { message: string | null } = { message: "database is locked" };
  const raw = await failingKv(failure);
  const health = new StorageHealth({ reserveBytes: 0 });
  const kv = health.guard(raw);
  await assertRejects(() => kv.set(["a"], 1));
  assertEquals(health.problem(), null, "a busy database is not a full disk");
  failure.message = "database or disk is full";
  await assertRejects(() => kv.set(["a"], 1));
  assertEquals(health.problem(), "write_failed");
  await health.check(); // the probe fails too
  assertEquals(health.ok(), false);
  failure.message = null;
  await health.check();
  assertEquals(health.ok(), true);
  raw.close();
});

Deno.test("StorageHealth: free space below the reserve refuses new data", async () => {
  let free = 10_000;
  const health = new StorageHealth({
    reserveBytes: 4096,
    freeBytes: () => Promise.resolve(free),
  });
  await health.check();
  assertEquals(health.ok(), true);
  free = 1000;
  await health.check();
  assertEquals(health.problem(), "low_space");
});
