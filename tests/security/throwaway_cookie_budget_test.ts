/**
 * Issue 13, finding 3: the answers per minute are counted per client
 * address and for the whole deployment too, so throwing the cookie away
 * does not buy a fresh budget of the operator's key.
 */
import { assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp, type TestApp } from "@/tests/app_server.ts";

/** Sends one message as a brand-new visitor (no cookie); the status. */
async function sendAsNewVisitor(app: TestApp, forwardedFor?: string) {
  const client = new ApiClient(app.url);
  const chatId = await client.createChat();
  const res = await client.fetch(`/api/chats/${chatId}/messages`, {
    method: "POST",
    json: { content: "halo" },
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });
  await res.body?.cancel();
  return res.status;
}

Deno.test("fresh cookies from one address share that address's budget, and everyone shares the instance's", async (t) => {
  const app = await startApp({
    RATE_LIMIT_PER_MINUTE: "20",
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "3",
    RATE_LIMIT_GLOBAL_PER_MINUTE: "10",
    TRUSTED_PROXIES: "127.0.0.1",
  });
  try {
    await t.step(
      "five new cookies from one address: the fourth is refused",
      async () => {
        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push(await sendAsNewVisitor(app));
        assertEquals(statuses, [200, 200, 200, 429, 429]);
      },
    );

    await t.step(
      "behind a trusted proxy each forwarded client has its own budget; an IPv6 /64 is one client",
      async () => {
        const statuses = [];
        for (let i = 0; i < 3; i++) {
          statuses.push(await sendAsNewVisitor(app, "198.51.100.7"));
        }
        for (const host of ["::1", "::abcd", ":5:6:7:8", "::ffff"]) {
          statuses.push(await sendAsNewVisitor(app, `2001:db8:1:2${host}`));
        }
        assertEquals(statuses, [200, 200, 200, 200, 200, 200, 429]);
      },
    );

    await t.step(
      "the instance-wide budget stops an eleventh answer from anyone",
      async () => {
        assertEquals(await sendAsNewVisitor(app, "203.0.113.50"), 200);
        assertEquals(await sendAsNewVisitor(app, "203.0.113.51"), 429);
      },
    );
  } finally {
    await app.close();
  }
});
