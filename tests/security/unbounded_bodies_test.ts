/**
 * Issue 13, finding 6: every body is read with a size limit, and a body of
 * the wrong kind is a 400 (or 413, 415) that says what is wrong, never a 500
 * and never a check of the password.
 */
import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

Deno.test("oversized and malformed bodies are refused with a clear message on every route that reads one", async (t) => {
  const app = await startApp({ APP_PASSWORD: "kata-sandi-rahasia" });
  const client = new ApiClient(app.url);
  const post = async (path: string, init: RequestInit) => {
    const res = await client.fetch(path, { method: "POST", ...init });
    return { status: res.status, text: await res.text() };
  };
  try {
    await t.step(
      "a 1 MB sign-in form is 413 and counts no attempt",
      async () => {
        const big = new URLSearchParams({ password: "x".repeat(1_000_000) });
        const res = await post("/login", { body: big });
        assertEquals(res.status, 413);
        assertStringIncludes(res.text, "larger than 4096 bytes");
        assertEquals(
          (await app.services.limiters.login.check("127.0.0.1")).ok,
          true,
        );
      },
    );

    await t.step("a sign-in body that is not a form is 400", async () => {
      const res = await post("/login", {
        body: '{"password": "x"}',
        headers: { "Content-Type": "application/json" },
      });
      assertEquals(res.status, 400);
      assertStringIncludes(res.text, "was not a form");
    });

    await t.step(
      "the API refuses large, broken and mistyped JSON",
      async () => {
        // Signed out, the gate refuses before any body is read.
        const unread = await post("/api/chats", {
          body: "x".repeat(3_000_000),
        });
        assertEquals(unread.status, 401);
        const attempt = await client.fetch("/login", {
          method: "POST",
          body: new URLSearchParams({ password: "kata-sandi-rahasia" }),
          redirect: "manual",
        });
        const auth = attempt.headers.getSetCookie().find((c) =>
          /^(__Host-)?chatai_auth=/.test(c)
        )!;
        client.cookie = [client.cookie, auth.split(";")[0]].filter(Boolean)
          .join("; ");
        const json = { "Content-Type": "application/json" };
        const big = await post("/api/chats", {
          body: JSON.stringify({ title: "x".repeat(3_000_000) }),
          headers: json,
        });
        assertEquals(big.status, 413);
        const broken = await post("/api/chats", { body: "{", headers: json });
        assertEquals(broken.status, 400);
        assertStringIncludes(broken.text, "not valid JSON");
        const typed = await post("/api/chats", { body: "{}" });
        assertEquals(typed.status, 415);
        const form = await post("/api/import", {
          body: "--x\r\nbroken",
          headers: { "Content-Type": "multipart/form-data; boundary=x" },
        });
        assertEquals(form.status, 400);
      },
    );
  } finally {
    await app.close();
  }
});
