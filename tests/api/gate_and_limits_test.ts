import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

const PASSWORD = "kata-sandi-rahasia";

Deno.test("with APP_PASSWORD every page and API route asks for it; /healthz and static files stay open", async () => {
  const app = await startApp({ APP_PASSWORD: PASSWORD });
  try {
    const client = new ApiClient(app.url);
    for (
      const path of [
        "/",
        "/chats/x",
        "/api/chats",
        "/api/models",
        "/api/export",
      ]
    ) {
      const res = await client.fetch(path, { redirect: "manual" });
      if (path.startsWith("/api/")) {
        assertEquals(res.status, 401, path);
        assertEquals((await res.json()).error.code, "unauthorized");
      } else {
        assertEquals(res.status, 303, path);
        assertStringIncludes(res.headers.get("Location")!, "/login?next=");
        await res.body?.cancel();
      }
    }
    const post = await client.fetch("/api/chats", { method: "POST", json: {} });
    assertEquals(post.status, 401);
    await post.body?.cancel();
    assertEquals((await client.fetch("/healthz")).status, 200);
    const css = await client.fetch("/styles.css");
    assertEquals(css.status, 200);
    await css.body?.cancel();

    const wrong = await client.fetch("/login", {
      method: "POST",
      body: new URLSearchParams({ password: "nope", next: "/api/chats" }),
      redirect: "manual",
    });
    assertEquals(wrong.status, 401);
    await wrong.body?.cancel();
    const right = await client.fetch("/login", {
      method: "POST",
      body: new URLSearchParams({ password: PASSWORD, next: "/api/chats" }),
      redirect: "manual",
    });
    assertEquals(right.status, 303);
    assertEquals(right.headers.get("Location"), "/api/chats");
    const auth = right.headers.getSetCookie().find((c) =>
      c.startsWith("chatai_auth=")
    )!;
    assert(auth.includes("HttpOnly"));
    client.cookie = [client.cookie, auth.split(";")[0]].filter(Boolean).join(
      "; ",
    );
    assertEquals(
      (await client.json<{ chats: unknown[] }>("/api/chats")).chats.length,
      0,
    );
    const out = await client.fetch("/logout", {
      method: "POST",
      redirect: "manual",
    });
    assertStringIncludes(out.headers.getSetCookie().join(), "chatai_auth=;");
    await out.body?.cancel();
  } finally {
    await app.close();
  }
});

Deno.test("guessing the password is limited: the 11th try in 15 minutes is 429 with Retry-After", async () => {
  const app = await startApp({ APP_PASSWORD: PASSWORD });
  try {
    const client = new ApiClient(app.url);
    const guess = (password: string) =>
      client.fetch("/login", {
        method: "POST",
        body: new URLSearchParams({ password }),
        redirect: "manual",
      });
    for (let i = 0; i < 10; i++) {
      const res = await guess(`wrong-${i}`);
      assertEquals(res.status, 401);
      await res.body?.cancel();
    }
    const blocked = await guess(PASSWORD);
    assertEquals(
      blocked.status,
      429,
      "even the right password waits out the block",
    );
    assert(Number(blocked.headers.get("Retry-After")) > 0);
    assertStringIncludes(await blocked.text(), "Too many sign-in attempts");
  } finally {
    await app.close();
  }
});

Deno.test("answers per minute, answers at once and messages per chat are limited with clear errors", async () => {
  const app = await startApp({
    RATE_LIMIT_PER_MINUTE: "3",
    MAX_CONCURRENT_PER_OWNER: "1",
    MAX_MESSAGES_PER_CHAT: "10",
  });
  try {
    const client = new ApiClient(app.url);
    const slow = await client.createChat();
    const running = await client.fetch(`/api/chats/${slow}/messages`, {
      method: "POST",
      json: { content: "[[fake:slow=30]] panjang" },
    });
    const other = await client.createChat();
    const busy = await client.fetch(`/api/chats/${other}/messages`, {
      method: "POST",
      json: { content: "halo" },
    });
    assertEquals(busy.status, 429);
    assertStringIncludes(
      (await busy.json()).error.message,
      "You already have 1 answer being written.",
    );
    await client.json(`/api/chats/${slow}/cancel`, { method: "POST" });
    await running.body?.cancel();
    await new Promise((r) => setTimeout(r, 100));
    // A refused request does not count: "dua" and "tiga" are answers 2 and 3.
    await client.send(other, "dua");
    await client.send(other, "tiga");
    const limited = await client.fetch(`/api/chats/${other}/messages`, {
      method: "POST",
      json: { content: "empat" },
    });
    assertEquals(limited.status, 429);
    assert(Number(limited.headers.get("Retry-After")) > 0);
    assertStringIncludes(
      (await limited.json()).error.message,
      "too many answers in the last minute",
    );

    const app2 = await startApp({ MAX_MESSAGES_PER_CHAT: "10" });
    try {
      const carol = new ApiClient(app2.url);
      const chat = await carol.createChat();
      for (let i = 0; i < 5; i++) await carol.send(chat, `pesan ${i}`);
      const refused = await carol.fetch(`/api/chats/${chat}/messages`, {
        method: "POST",
        json: { content: "lagi" },
      });
      assertEquals(refused.status, 409);
      assertStringIncludes((await refused.json()).error.message, "10 messages");
    } finally {
      await app2.close();
    }
  } finally {
    await app.close();
  }
});
