import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

const app = await startApp();
// A leak found by the secret scan or a failed close fails the run.
Deno.test.afterAll(() => app.close());

Deno.test("a cross-site POST is refused with 403 and changes nothing", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  for (
    const headers of [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
    ] as Record<string, string>[]
  ) {
    const api = await fetch(`${app.url}/api/chats/${id}`, {
      method: "DELETE",
      headers: { Cookie: client.cookie, ...headers },
    });
    assertEquals(api.status, 403);
    assertEquals((await api.json()).error.code, "forbidden");
    const form = await fetch(`${app.url}/chats/${id}/actions`, {
      method: "POST",
      headers: {
        Cookie: client.cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: "action=delete",
      redirect: "manual",
    });
    assertEquals(form.status, 403);
    await form.body?.cancel();
  }
  assertEquals((await client.fetch(`/api/chats/${id}`)).status, 200);
});

Deno.test("every HTML page carries the CSP; every response the other security headers", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  for (const path of [`/chats/${id}`, "/no-such-page", "/login"]) {
    const res = await client.fetch(path);
    await res.body?.cancel();
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    for (
      const part of [
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ]
    ) {
      assertStringIncludes(csp, part);
    }
    assertEquals(res.headers.get("X-Content-Type-Options"), "nosniff", path);
    assertEquals(res.headers.get("Referrer-Policy"), "same-origin", path);
    assert(res.headers.get("Permissions-Policy"), path);
  }
  for (const path of ["/api/chats", "/styles.css", "/healthz"]) {
    const res = await client.fetch(path);
    await res.body?.cancel();
    assertEquals(res.headers.get("X-Content-Type-Options"), "nosniff", path);
  }
});

/** `text` with its middle character replaced by a different one. */
function flipMiddle(text: string): string {
  const i = Math.floor(text.length / 2);
  return text.slice(0, i) + (text[i] === "A" ? "B" : "A") + text.slice(i + 1);
}

Deno.test("an altered or foreign session cookie gets a fresh owner, never someone else's", async () => {
  const alice = new ApiClient(app.url);
  await alice.createChat();
  const [name, value] = alice.cookie.split("=");
  const [owner, issued, mac] = value.split(".");
  for (
    const forged of [
      `${owner}.${issued}.${flipMiddle(mac)}`,
      `${flipMiddle(owner)}.${issued}.${mac}`,
      "garbage",
    ]
  ) {
    const mallory = new ApiClient(app.url);
    mallory.cookie = `${name}=${forged}`;
    const { chats } = await mallory.json<{ chats: unknown[] }>("/api/chats");
    assertEquals(chats.length, 0, forged);
    assert(
      mallory.cookie !== `${name}=${forged}`,
      "a new session cookie was issued",
    );
  }
});

Deno.test("hostile bodies are refused with clear errors: deep JSON, invalid UTF-8", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const deep = "[".repeat(50_000) + "]".repeat(50_000);
  const res = await client.fetch(`/api/chats/${id}`, {
    method: "PATCH",
    body: deep,
    headers: { "Content-Type": "application/json" },
  });
  assertEquals(res.status, 400);
  await res.body?.cancel();
  const bad = await client.fetch(`/api/chats/${id}/messages`, {
    method: "POST",
    body: new Uint8Array([
      0x7b,
      0x22,
      0x63,
      0x6f,
      0x6e,
      0x74,
      0x65,
      0x6e,
      0x74,
      0x22,
      0x3a,
      0x22,
      0xff,
      0xfe,
      0x22,
      0x7d,
    ]),
    headers: { "Content-Type": "application/json" },
  });
  assertEquals(bad.status, 400);
  assertEquals((await bad.json()).error.code, "invalid_request");
  const { messages } = await client.json<{ messages: unknown[] }>(
    `/api/chats/${id}`,
  );
  assertEquals(messages.length, 0);
});
