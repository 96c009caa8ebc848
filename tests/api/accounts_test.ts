import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { pollUntil } from "@/tests/poll.ts";
import {
  accountClient,
  GOOD_PASSWORD,
  postForm,
  signedInClient,
} from "@/tests/account_helpers.ts";

const app = await startApp({ ADMIN_USERNAMES: "boss-api" });
Deno.test.afterAll(() => app.close());

const page = async (client: ApiClient, path: string) => {
  const res = await client.fetch(path);
  return { status: res.status, text: await res.text() };
};

Deno.test("an account's chats are listed for the same account signed in from another client", async () => {
  const first = await accountClient(app.url, "sari");
  const id = await first.createChat({ title: "Di laptop" });
  const second = await signedInClient(app.url, "sari");
  const { chats } = await second.json<{ chats: { id: string }[] }>(
    "/api/chats",
  );
  assertEquals(chats.map((c) => c.id), [id]);
});

Deno.test("one account never reads or changes another's chats, sessions, key or usage", async () => {
  const ana = await accountClient(app.url, "ana-iso");
  const bob = await accountClient(app.url, "bob-iso");
  const chat = await ana.createChat({ title: "Rahasia Ana" });
  await ana.send(chat, "halo");
  assertEquals((await bob.json<{ chats: unknown[] }>("/api/chats")).chats, []);
  for (
    const [method, path, body] of [
      ["GET", `/api/chats/${chat}`],
      ["PATCH", `/api/chats/${chat}`, { title: "Milik Bob" }],
      ["DELETE", `/api/chats/${chat}`],
      ["GET", `/api/chats/${chat}/export?format=json`],
      ["POST", `/api/chats/${chat}/messages`, { content: "hai" }],
      ["POST", `/api/chats/${chat}/regenerate`],
      ["GET", `/api/chats/${chat}/stream`],
    ] as const
  ) {
    const res = await bob.fetch(path, { method, json: body });
    await res.body?.cancel();
    assertEquals(res.status, 404, `${method} ${path}`);
  }
  // The pages and plain-form actions of the chat are as closed to Bob.
  assertEquals((await page(bob, `/chats/${chat}`)).status, 404);
  for (const action of ["rename", "pin", "settings", "delete"]) {
    const res = await postForm(bob, `/chats/${chat}/actions`, {
      action,
      title: "Milik Bob",
      systemPrompt: "Bob",
    });
    await res.body?.cancel();
  }
  const bobDeletesAll = await bob.fetch("/api/chats?confirm=all", {
    method: "DELETE",
  });
  await bobDeletesAll.body?.cancel();
  const still = await ana.json<{ chat: { title: string; pinned: boolean } }>(
    `/api/chats/${chat}`,
  );
  assertEquals([still.chat.title, still.chat.pinned], ["Rahasia Ana", false]);
  const exported = await page(bob, "/api/export?format=json");
  assert(!exported.text.includes("Rahasia Ana"));
  // Ana's sessions: Bob can neither see nor end them.
  const anaSessions = await app.services.accounts.sessions.list(
    (await app.services.accounts.store.byUsername("ana-iso"))!.id,
  );
  const bobAccount = await page(bob, "/account");
  assert(!anaSessions.some((s) => bobAccount.text.includes(s.id)));
  const ended = await postForm(
    bob,
    `/account/sessions/${anaSessions[0].id}`,
    {},
  );
  await ended.body?.cancel();
  assertEquals(
    (await ana.json<{ chats: unknown[] }>("/api/chats")).chats.length,
    1,
  );
  // Usage: Ana's answer is on her page only.
  await pollUntil(
    async () =>
      (await page(ana, "/account/usage")).text.includes("<td>meta-llama/"),
    { what: "Ana's answer on her usage page" },
  );
  assertStringIncludes((await page(bob, "/account/usage")).text, "No answers");
  // A key: Bob's page never shows Ana's last four characters.
  const key = "sk-or-v1-ana-own-key-0123456789WXYZ";
  app.fake.auth.accept(key);
  await (await postForm(ana, "/account/key", { key })).body?.cancel();
  assertStringIncludes((await page(ana, "/account")).text, "WXYZ");
  assert(!(await page(bob, "/account")).text.includes("WXYZ"));
  // Bob's answers still go out with the operator's key, not Ana's.
  const bobChat = await bob.createChat();
  await bob.send(bobChat, "siapa saya");
  assertEquals(
    app.fake.requests.at(-1)?.headers.authorization,
    "Bearer sk-or-v1-test-key-0123456789abcdef",
  );
  await ana.send(chat, "dan saya");
  assertEquals(
    app.fake.requests.at(-1)?.headers.authorization,
    `Bearer ${key}`,
  );
});

Deno.test("a disabled account cannot sign in, and its open session stops working at once", async () => {
  const admin = await accountClient(app.url, "admin-first").catch(() => null);
  const citra = await accountClient(app.url, "citra");
  const chat = await citra.createChat({ title: "Catatan Citra" });
  const account = (await app.services.accounts.store.byUsername("citra"))!;
  const firstAdmin = (await app.services.accounts.store.list()).find((a) =>
    a.admin
  )!;
  assert(firstAdmin.id !== account.id && admin !== undefined);
  const { disableAccount } = await import("@/lib/accounts/admin.ts");
  await disableAccount(app.services.accounts, account.id);
  const res = await citra.fetch(`/api/chats/${chat}`);
  await res.body?.cancel();
  assertEquals(res.status, 404);
  assertEquals(citra.accountCookie, "", "the dead session's cookie is cleared");
  const again = await postForm(new ApiClient(app.url), "/account/sign-in", {
    username: "citra",
    password: GOOD_PASSWORD,
  });
  assertEquals(again.status, 403);
  assertStringIncludes(await again.text(), "disabled");
});

Deno.test("a taken username and a weak password are refused with a message, and make no account", async () => {
  await accountClient(app.url, "dewi");
  const before = (await app.services.accounts.store.list()).length;
  const taken = await postForm(new ApiClient(app.url), "/account/create", {
    username: "DEWI",
    password: GOOD_PASSWORD,
  });
  assertEquals(taken.status, 409);
  assertStringIncludes(await taken.text(), "That username is taken");
  for (const password of ["pendek", "password123", "eka-punya-eka-123"]) {
    const weak = await postForm(new ApiClient(app.url), "/account/create", {
      username: "eka",
      password,
    });
    assertEquals(weak.status, 400, password);
    assertStringIncludes(await weak.text(), "password");
  }
  assertEquals((await app.services.accounts.store.list()).length, before);
});

Deno.test("a wrong password is refused with the same message as an unknown username", async () => {
  await accountClient(app.url, "fajar");
  const wrong = await postForm(new ApiClient(app.url), "/account/sign-in", {
    username: "fajar",
    password: "not-the-password-1",
  });
  const unknown = await postForm(new ApiClient(app.url), "/account/sign-in", {
    username: "nobody-here",
    password: "not-the-password-1",
  });
  assertEquals([wrong.status, unknown.status], [401, 401]);
  assertStringIncludes(await wrong.text(), "do not match");
  assertStringIncludes(await unknown.text(), "do not match");
});

Deno.test("signing out ends the session for good and gives the browser an empty chat list", async () => {
  const gita = await accountClient(app.url, "gita");
  await gita.createChat({ title: "Punya Gita" });
  const oldCookies = [gita.cookie, gita.accountCookie];
  await (await postForm(gita, "/account/sign-out", {})).body?.cancel();
  assertEquals((await gita.json<{ chats: unknown[] }>("/api/chats")).chats, []);
  // The old cookies, kept by someone, no longer open the account.
  const thief = new ApiClient(app.url);
  [thief.cookie, thief.accountCookie] = oldCookies;
  assertEquals(
    (await thief.json<{ chats: unknown[] }>("/api/chats")).chats,
    [],
  );
});

Deno.test("a pasted key that OpenRouter refuses is not stored, and a stored key shows only its last four characters", async () => {
  const hana = await accountClient(app.url, "hana");
  const refused = await postForm(hana, "/account/key", {
    key: "sk-or-v1-refused-by-upstream-0000",
  });
  assertEquals(refused.status, 400);
  assertStringIncludes(await refused.text(), "did not accept that key");
  const id = (await app.services.accounts.store.byUsername("hana"))!.id;
  assertEquals(await app.services.accounts.keys.info(id), null);
  const key = "sk-or-v1-hana-own-key-abcdefgh9876";
  app.fake.auth.accept(key);
  await (await postForm(hana, "/account/key", { key })).body?.cancel();
  const text = (await page(hana, "/account")).text;
  assertStringIncludes(text, "9876");
  assert(!text.includes("abcdefgh"));
  // At rest the key is encrypted.
  const raw = await app.services.kv.get(["account_keys", id]);
  assert(!JSON.stringify(raw.value).includes("hana-own-key"));
});

Deno.test("a PKCE callback with a wrong code, a replayed state or another account's state stores no key", async () => {
  const indah = await accountClient(app.url, "indah");
  const joko = await accountClient(app.url, "joko");
  const id = (await app.services.accounts.store.byUsername("indah"))!.id;
  const start = async (client: ApiClient) => {
    const res = await client.fetch("/account/openrouter", {
      redirect: "manual",
    });
    const auth = new URL(res.headers.get("Location")!);
    assertEquals(auth.origin + auth.pathname, app.fake.authUrl);
    assertEquals(auth.searchParams.get("code_challenge_method"), "S256");
    return new URL(auth.searchParams.get("callback_url")!);
  };
  const callback = await start(indah);
  const problem = async (client: ApiClient, url: URL) => {
    const res = await client.fetch(url.pathname + url.search, {
      redirect: "manual",
    });
    await res.body?.cancel();
    return res.headers.get("Location");
  };
  callback.searchParams.set("code", "made-up-code");
  assertEquals(await problem(indah, callback), "/account?problem=pkce_failed");
  assertEquals(await problem(indah, callback), "/account?problem=pkce_failed");
  const other = await start(indah);
  other.searchParams.set("code", "whatever");
  assertEquals(await problem(joko, other), "/account?problem=pkce_failed");
  assertEquals(await app.services.accounts.keys.info(id), null);
});

Deno.test("over the monthly limit an answer on the operator's key is refused with the limit in the message; a bang command still answers", async () => {
  const kiki = await accountClient(app.url, "kiki");
  const account = (await app.services.accounts.store.byUsername("kiki"))!;
  const chat = await kiki.createChat();
  await kiki.send(chat, "satu");
  const { monthSpend } = await import("@/lib/accounts/usage.ts");
  await pollUntil(
    async () => await monthSpend(app.services.kv, account.owner) > 0,
    {
      what: "the first answer's cost counted",
    },
  );
  await app.services.accounts.store.update(account.id, {
    monthlyLimitUsd: 0.0000001,
  });
  const res = await kiki.fetch(`/api/chats/${chat}/messages`, {
    method: "POST",
    json: { content: "dua" },
  });
  assertEquals(res.status, 403);
  const { error } = await res.json();
  assertStringIncludes(error.message, "spending limit");
  assertStringIncludes(error.message, "$1.0e-7");
  // A bang command is answered by the app, not the model: it costs nothing.
  const events = await kiki.send(chat, "!waktu");
  const done = events.findLast((e) => e.event === "done");
  assertEquals(done?.data.message?.status, "complete");
});

Deno.test("only an admin opens the admin page or changes an account there", async () => {
  const lina = await accountClient(app.url, "lina");
  const target = (await app.services.accounts.store.byUsername("lina"))!;
  assertEquals((await page(lina, "/admin")).status, 403);
  const res = await postForm(lina, `/admin/${target.id}`, {
    action: "save",
    monthlyLimitUsd: "1000",
  });
  assertEquals(res.status, 403);
  await res.body?.cancel();
  const disable = await postForm(lina, `/admin/${target.id}`, {
    action: "disable",
  });
  await disable.body?.cancel();
  const after = (await app.services.accounts.store.get(target.id))!;
  assertEquals([after.monthlyLimitUsd, after.disabled], [null, false]);
  assertEquals((await page(new ApiClient(app.url), "/admin")).status, 403);
});

Deno.test("an admin's Disable ends the account's sessions and Delete removes it with its chats", async () => {
  const boss = await accountClient(app.url, "boss-api");
  const mira = await accountClient(app.url, "mira");
  await mira.createChat({ title: "Milik Mira" });
  const target = (await app.services.accounts.store.byUsername("mira"))!;
  const disabled = await postForm(boss, `/admin/${target.id}`, {
    action: "disable",
  });
  await disabled.body?.cancel();
  assertEquals(disabled.headers.get("Location"), "/admin?done=saved");
  assertEquals((await mira.json<{ chats: unknown[] }>("/api/chats")).chats, []);
  assertEquals(
    (await app.services.accounts.sessions.list(target.id)).length,
    0,
  );
  const deleted = await postForm(boss, `/admin/${target.id}`, {
    action: "delete",
  });
  await deleted.body?.cancel();
  assertEquals(await app.services.accounts.store.get(target.id), null);
  assertEquals((await app.services.store.listChats(target.owner)).chats, []);
  // The name is free again, for a new account that sees nothing of the old one.
  const again = await accountClient(app.url, "mira");
  assertEquals(
    (await again.json<{ chats: unknown[] }>("/api/chats")).chats,
    [],
  );
  // An admin cannot disable themself by mistake.
  const self = (await app.services.accounts.store.byUsername("boss-api"))!;
  const own = await postForm(boss, `/admin/${self.id}`, { action: "disable" });
  await own.body?.cancel();
  assertEquals(own.headers.get("Location"), "/admin?problem=not_self");
});

Deno.test("an answer whose usage has no cost is priced from the model's prices", async () => {
  const nina = await accountClient(app.url, "nina");
  const owner = (await app.services.accounts.store.byUsername("nina"))!.owner;
  const chat = await nina.createChat({
    model: "meta-llama/llama-3-8b-instruct",
  });
  const chunk = (body: unknown) => `data: ${JSON.stringify(body)}\n\n`;
  app.fake.enqueue({
    type: "raw",
    body: chunk({ choices: [{ delta: { content: "Halo" } }] }) +
      chunk({
        choices: [{ delta: {}, finish_reason: "stop" }],
        usage: {
          prompt_tokens: 1000,
          completion_tokens: 500,
          total_tokens: 1500,
        },
      }) + "data: [DONE]\n\n",
  });
  await nina.send(chat, "berapa?");
  const { monthSpend } = await import("@/lib/accounts/usage.ts");
  // The fake lists this model at $0.03 and $0.06 per million tokens.
  const expected = (1000 * 0.03 + 500 * 0.06) / 1e6;
  const spent = await pollUntil(async () => {
    const value = await monthSpend(app.services.kv, owner);
    return value > 0 && value;
  }, { what: "the estimated cost counted" });
  assertEquals(Number(spent.toPrecision(6)), Number(expected.toPrecision(6)));
});

Deno.test("the chat page lists the models that a person's own key sees, asked with that key", async () => {
  const dewi = await accountClient(app.url, "dewi-models");
  const key = "sk-or-v1-dewi-own-key-0123456789ABCD";
  app.fake.auth.accept(key);
  await (await postForm(dewi, "/account/key", { key })).body?.cancel();
  const chat = await dewi.createChat({ title: "Model saya" });
  const seen = app.fake.requests.length;
  const { status } = await page(dewi, `/chats/${chat}`);
  assertEquals(status, 200);
  const asked = app.fake.requests.slice(seen)
    .filter((r) => r.path.endsWith("/models"));
  assertEquals(asked.map((r) => r.headers.authorization), [`Bearer ${key}`]);
});
