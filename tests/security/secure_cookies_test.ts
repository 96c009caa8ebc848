/**
 * Issue 13, finding 7: behind an https proxy (the app itself sees http),
 * cookies are `Secure` with `__Host-` names because APP_URL is https, and
 * HSTS is sent; an old plain-named session is read once and moved.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { startApp, TEST_SESSION_SECRET } from "@/tests/app_server.ts";

const PASSWORD = "kata-sandi-rahasia";

/** A session value as signed before cookies carried their purpose. */
async function legacySession(owner: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(TEST_SESSION_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const payload = `${owner}.${Date.now().toString(36)}`;
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(payload)),
  );
  const b64 = btoa(String.fromCharCode(...mac)).replace(/\+/g, "-")
    .replace(/\//g, "_").replace(/=+$/, "");
  return `${payload}.${b64}`;
}

Deno.test("with an https APP_URL, cookies are Secure and __Host- named over a plain-http hop, and HSTS is sent", async () => {
  const app = await startApp({
    APP_URL: "https://chat.example.com",
    APP_PASSWORD: PASSWORD,
  });
  try {
    const login = await fetch(`${app.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ password: PASSWORD }),
      headers: { Origin: "https://chat.example.com" },
      redirect: "manual",
    });
    await login.body?.cancel();
    assertEquals(login.status, 303);
    const auth = login.headers.getSetCookie().find((c) =>
      c.startsWith("__Host-chatai_auth=")
    );
    assert(auth?.includes("; Secure") && auth.includes("Path=/"), auth);
    assertEquals(
      login.headers.get("Strict-Transport-Security"),
      "max-age=31536000",
    );

    const owner = "AAAAAAAAAAAAAAAAAAAAAA";
    const page = await fetch(`${app.url}/api/chats`, {
      headers: {
        Cookie: `${auth!.split(";")[0]}; chatai_session=${await legacySession(
          owner,
        )}`,
      },
    });
    await page.body?.cancel();
    assertEquals(page.status, 200);
    const cookies = page.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("__Host-chatai_session="));
    assert(session?.includes("; Secure"), cookies.join(" | "));
    assert(
      cookies.some((c) => /^chatai_session=;.*Max-Age=0/.test(c)),
      "the old plain-named cookie is cleared",
    );
    const moved = session!.split(";")[0].split("=")[1];
    assertEquals(moved.split(".")[0], owner, "the same owner, moved");
  } finally {
    await app.close();
  }
});
