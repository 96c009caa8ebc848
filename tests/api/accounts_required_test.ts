import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { GOOD_PASSWORD, postForm } from "@/tests/account_helpers.ts";
import { createInvite } from "@/lib/accounts/invites.ts";

const app = await startApp({
  ACCOUNTS_REQUIRED: "true",
  SIGNUP: "invite",
  PERSONAL_KEYS_REQUIRED: "true",
});
Deno.test.afterAll(() => app.close());

Deno.test("with ACCOUNTS_REQUIRED an anonymous visitor is sent to /account and the API answers 401", async () => {
  const visitor = new ApiClient(app.url);
  const res = await visitor.fetch("/", { redirect: "manual" });
  await res.body?.cancel();
  assertEquals([res.status, res.headers.get("Location")], [
    303,
    "/account?next=%2F",
  ]);
  const api = await visitor.fetch("/api/chats");
  assertEquals(api.status, 401);
  assertStringIncludes(
    (await api.json()).error.message,
    "Sign in or create an account",
  );
  assertEquals((await visitor.fetch("/account")).status, 200);
});

Deno.test("with SIGNUP=invite an account needs a code, and each code works once", async () => {
  const without = await postForm(new ApiClient(app.url), "/account/create", {
    username: "tamu",
    password: GOOD_PASSWORD,
  });
  assertEquals(without.status, 400);
  assertStringIncludes(await without.text(), "invitation code is not valid");
  const code = await createInvite(app.services.kv);
  const first = await postForm(new ApiClient(app.url), "/account/create", {
    username: "tamu",
    password: GOOD_PASSWORD,
    invite: code,
  });
  await first.body?.cancel();
  assertEquals(first.status, 303);
  const again = await postForm(new ApiClient(app.url), "/account/create", {
    username: "tamu-dua",
    password: GOOD_PASSWORD,
    invite: code,
  });
  assertEquals(again.status, 400);
  await again.body?.cancel();
  assertEquals((await app.services.accounts.store.list()).length, 1);
});

Deno.test("with PERSONAL_KEYS_REQUIRED an answer without the person's own key is refused, and goes out once they paste one", async () => {
  const code = await createInvite(app.services.kv);
  const client = new ApiClient(app.url);
  await (await postForm(client, "/account/create", {
    username: "pemilik-kunci",
    password: GOOD_PASSWORD,
    invite: code,
  })).body?.cancel();
  const chat = await client.createChat();
  const refused = await client.fetch(`/api/chats/${chat}/messages`, {
    method: "POST",
    json: { content: "halo" },
  });
  assertEquals(refused.status, 403);
  assertStringIncludes(
    (await refused.json()).error.message,
    "Connect OpenRouter",
  );
  const key = "sk-or-v1-pemilik-kunci-own-key-42";
  app.fake.auth.accept(key);
  await (await postForm(client, "/account/key", { key })).body?.cancel();
  await client.send(chat, "halo lagi");
  assertEquals(
    app.fake.requests.at(-1)?.headers.authorization,
    `Bearer ${key}`,
  );
});
