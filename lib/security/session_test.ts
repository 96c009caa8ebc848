import { assert, assertEquals } from "@/tests/assert.ts";
import {
  importSessionKey,
  newOwnerId,
  sessionCookie,
  signSession,
  verifySession,
} from "./session.ts";

const key = await importSessionKey("k".repeat(32));
const oldKey = await importSessionKey("o".repeat(32));
const now = Date.UTC(2026, 10, 24);

Deno.test("verifySession() accepts what signSession() issued", async () => {
  const owner = newOwnerId();
  const value = await signSession(owner, now, key);
  assertEquals(await verifySession(value, [key], now + 1000), {
    owner,
    issuedAt: now,
    reissue: false,
  });
});

Deno.test("verifySession() refuses an altered owner, signature or timestamp", async () => {
  const value = await signSession(newOwnerId(), now, key);
  const [owner, issued, mac] = value.split(".");
  const otherOwner = newOwnerId();
  for (
    const forged of [
      `${otherOwner}.${issued}.${mac}`,
      `${owner}.${(now + 5).toString(36)}.${mac}`,
      `${owner}.${issued}.${mac.slice(0, 10)}${mac[10] === "A" ? "B" : "A"}${
        mac.slice(11)
      }`,
      `${owner}.${issued}`,
      "",
      "garbage",
      `${owner}.${issued}.${mac}.extra`,
    ]
  ) {
    assertEquals(await verifySession(forged, [key], now), null, forged);
  }
});

Deno.test("verifySession() refuses a cookie signed with an unknown secret", async () => {
  const value = await signSession(newOwnerId(), now, oldKey);
  assertEquals(await verifySession(value, [key], now), null);
});

Deno.test("verifySession() accepts a previous secret during its grace period and asks to re-issue", async () => {
  const value = await signSession(newOwnerId(), now, oldKey);
  assert((await verifySession(value, [key, oldKey], now))?.reissue);
});

Deno.test("verifySession() refuses an expired cookie and refreshes a day-old one", async () => {
  const value = await signSession(newOwnerId(), now, key);
  assertEquals(await verifySession(value, [key], now + 401 * 86_400_000), null);
  assert((await verifySession(value, [key], now + 2 * 86_400_000))?.reissue);
});

Deno.test("sessionCookie() is HttpOnly and SameSite=Lax, Secure over https", () => {
  const cookie = sessionCookie("v", true);
  assert(
    cookie.includes("HttpOnly") && cookie.includes("SameSite=Lax") &&
      cookie.includes("Secure"),
  );
  assert(!sessionCookie("v", false).includes("Secure"));
});
