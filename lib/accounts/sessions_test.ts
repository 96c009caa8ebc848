import { assert, assertEquals } from "@/tests/assert.ts";
import { importSessionKey, signToken } from "@/lib/security/session.ts";
import { deviceName, Sessions } from "./sessions.ts";

async function withSessions(body: (s: Sessions) => Promise<void>) {
  const kv = await Deno.openKv(":memory:");
  try {
    const key = await importSessionKey("a-session-secret-for-these-tests-0123");
    await body(new Sessions(kv, [key]));
  } finally {
    kv.close();
  }
}

Deno.test("a session is found by its cookie until it is ended, then never again", async () => {
  await withSessions(async (sessions) => {
    const { record, cookie } = await sessions.start(
      "acct-1",
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/120",
    );
    assertEquals((await sessions.find(cookie))?.id, record.id);
    assertEquals(record.device, "Chrome on Linux");
    assertEquals(await sessions.end("acct-1", record.id), true);
    assertEquals(await sessions.find(cookie), null);
  });
});

Deno.test("an account can end only its own sessions", async () => {
  await withSessions(async (sessions) => {
    const mine = await sessions.start("acct-1", null);
    assertEquals(await sessions.end("acct-2", mine.record.id), false);
    assert(await sessions.find(mine.cookie));
    assertEquals((await sessions.list("acct-2")).length, 0);
  });
});

Deno.test("endAll() ends every session but the one kept", async () => {
  await withSessions(async (sessions) => {
    const a = await sessions.start("acct-1", null);
    const b = await sessions.start("acct-1", null);
    const c = await sessions.start("acct-1", null);
    const other = await sessions.start("acct-2", null);
    assertEquals(await sessions.endAll("acct-1", b.record.id), 2);
    assertEquals(await sessions.find(a.cookie), null);
    assertEquals(await sessions.find(c.cookie), null);
    assert(await sessions.find(b.cookie));
    assert(await sessions.find(other.cookie));
    assertEquals((await sessions.list("acct-1")).map((s) => s.id), [
      b.record.id,
    ]);
  });
});

Deno.test("a forged or re-purposed cookie finds no session", async () => {
  await withSessions(async (sessions) => {
    const { record, cookie } = await sessions.start("acct-1", null);
    const otherKey = await importSessionKey(
      "another-secret-another-secret-0123456",
    );
    assertEquals(
      await sessions.find(
        await signToken("account", record.id, Date.now(), otherKey),
      ),
      null,
    );
    assertEquals(
      await sessions.find(
        await signToken("session", record.id, Date.now(), sessions.keys[0]),
      ),
      null,
    );
    assertEquals(
      await sessions.find(
        cookie.slice(0, -1) + (cookie.endsWith("A") ? "B" : "A"),
      ),
      null,
    );
    assertEquals(await sessions.find(undefined), null);
  });
});

Deno.test("deviceName() names common browsers and systems", () => {
  assertEquals(
    deviceName("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1"),
    "Safari on iOS",
  );
  assertEquals(
    deviceName("Mozilla/5.0 (Windows NT 10.0) Firefox/121.0"),
    "Firefox on Windows",
  );
  assertEquals(deviceName(null), "Browser on unknown system");
});
