import { assertEquals } from "@/tests/assert.ts";
import { RateLimiter } from "./rate_limit.ts";

Deno.test("RateLimiter allows `limit` events per window, then says when to retry", async () => {
  const kv = await Deno.openKv(":memory:");
  let now = 60_000 * 10 + 15_000;
  const limiter = new RateLimiter(kv, {
    name: "test",
    limit: 3,
    windowMs: 60_000,
    now: () => now,
  });
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

Deno.test("RateLimiter.prepareHit() counts inside the caller's commit, and only if it succeeds", async () => {
  const kv = await Deno.openKv(":memory:");
  const limiter = new RateLimiter(kv, {
    name: "test",
    limit: 1,
    windowMs: 60_000,
  });
  const refused = await limiter.prepareHit("ana");
  const blocked = refused.apply(kv.atomic())
    .check({ key: ["other"], versionstamp: "00000000000000000000" });
  assertEquals((await blocked.commit()).ok, false);
  assertEquals((await limiter.check("ana")).ok, true, "nothing was counted");

  const hit = await limiter.prepareHit("ana");
  assertEquals(hit.verdict.ok, true);
  const stale = await limiter.prepareHit("ana");
  assertEquals(
    (await hit.apply(kv.atomic()).set(["mine"], 1).commit()).ok,
    true,
  );
  assertEquals((await limiter.check("ana")).ok, false, "one counted: full");
  assertEquals(
    (await stale.apply(kv.atomic()).commit()).ok,
    false,
    "a hit prepared before another commit fails its check",
  );
  kv.close();
});
