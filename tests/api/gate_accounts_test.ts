import { assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { GOOD_PASSWORD, postForm } from "@/tests/account_helpers.ts";

const GATE = "kata-sandi-gerbang";
const app = await startApp({ APP_PASSWORD: GATE });
Deno.test.afterAll(() => app.close());

/** Passes the password gate: its cookie joins the client's session cookie. */
async function passGate(client: ApiClient): Promise<string> {
  const res = await postForm(client, "/login", { password: GATE, next: "/" });
  await res.body?.cancel();
  const auth = res.headers.getSetCookie().find((c) =>
    c.startsWith("chatai_auth=")
  )!;
  return auth.split(";")[0];
}

Deno.test("with APP_PASSWORD, accounts sit behind the gate, and signing out of the gate ends the account's session too", async () => {
  const client = new ApiClient(app.url);
  const closed = await client.fetch("/account", { redirect: "manual" });
  await closed.body?.cancel();
  assertEquals(closed.headers.get("Location"), "/login?next=%2Faccount");
  const gate = await passGate(client);
  client.cookie = `${client.cookie}; ${gate}`;
  const made = await postForm(client, "/account/create", {
    username: "penjaga",
    password: GOOD_PASSWORD,
  });
  await made.body?.cancel();
  assertEquals(made.status, 303);
  client.cookie = client.cookie.includes("chatai_auth")
    ? client.cookie
    : `${client.cookie}; ${gate}`;
  await client.createChat({ title: "Di balik gerbang" });
  const account = (await app.services.accounts.store.byUsername("penjaga"))!;
  assertEquals(
    (await app.services.accounts.sessions.list(account.id)).length,
    1,
  );
  const out = await postForm(client, "/logout", {});
  await out.body?.cancel();
  assertEquals(out.headers.get("Location"), "/login");
  assertEquals(
    (await app.services.accounts.sessions.list(account.id)).length,
    0,
  );
  // The next person passes the gate on this browser and sees no chats.
  client.cookie = `${client.cookie}; ${await passGate(client)}`;
  assertEquals(
    (await client.json<{ chats: unknown[] }>("/api/chats")).chats,
    [],
  );
});
