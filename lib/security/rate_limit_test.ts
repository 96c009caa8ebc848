import { assertEquals } from "@/tests/assert.ts";
import { RateLimiter } from "./rate_limit.ts";

Deno.test("RateLimiter allows `limit` events per window, then says when to retry", async () => {
  const kv = await Deno.openKv(":memory:");
  let now = 60_000 * 10 + 15_000;
  const limiter = new RateLimiter(kv, "test", 3, 60_000, () => now);
  for (let i = 0; i < 3; i++) assertEquals((await limiter.hit("ana")).ok, true);
  assertEquals(await limiter.hit("ana"), { ok: false, retryAfterSeconds: 45 });
  assertEquals((await limiter.check("ana")).ok, false);
  assertEquals(
    (await limiter.hit("budi")).ok,
    true,
    "subjects are counted apart",
  );
  now += 60_000;
  assertEquals(
    (await limiter.hit("ana")).ok,
    true,
    "a new window starts afresh",
  );
  kv.close();
});
