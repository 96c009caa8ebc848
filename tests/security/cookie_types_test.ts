/**
 * Issue 13, finding 8: a sign-in cookie is not a session cookie (each type
 * has its own signing label), and the server enforces each cookie's max
 * age from its signed issue time, whatever the browser kept.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { signIn } from "@/lib/security/password_gate.ts";

const PASSWORD = "kata-sandi-rahasia";
const DAY = 86_400_000;

Deno.test("the sign-in cookie's value is no session, and a 31-day-old sign-in is refused", async () => {
  const app = await startApp({ APP_PASSWORD: PASSWORD });
  try {
    const login = await fetch(`${app.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ password: PASSWORD }),
      headers: { Origin: app.url },
      redirect: "manual",
    });
    await login.body?.cancel();
    const auth = login.headers.getSetCookie().find((c) =>
      c.startsWith("chatai_auth=")
    )!.split(";")[0];
    const value = auth.split("=")[1];

    // Everyone signed in holds the same sign-in value: as a session, it
    // would make them one owner.
    const ana = new ApiClient(app.url);
    ana.cookie = `${auth}; chatai_session=${value}`;
    await ana.createChat({ title: "Rahasia Ana" });
    const budi = new ApiClient(app.url);
    budi.cookie = `${auth}; chatai_session=${value}`;
    const { chats } = await budi.json<{ chats: { title: string }[] }>(
      "/api/chats",
    );
    assertEquals(chats.map((c) => c.title), []);

    const old = await signIn(
      PASSWORD,
      app.services.sessionKeys[0],
      Date.now() - 31 * DAY,
    );
    const stale = await fetch(`${app.url}/api/chats`, {
      headers: { Cookie: `chatai_auth=${old}` },
    });
    await stale.body?.cancel();
    assertEquals(stale.status, 401, "a sign-in older than 30 days");
    const fresh = await signIn(
      PASSWORD,
      app.services.sessionKeys[0],
      Date.now() - 29 * DAY,
    );
    const ok = await fetch(`${app.url}/api/chats`, {
      headers: { Cookie: `chatai_auth=${fresh}` },
    });
    await ok.body?.cancel();
    assert(ok.status === 200, "a 29-day-old sign-in still holds");
  } finally {
    await app.close();
  }
});
