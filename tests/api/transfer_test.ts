/**
 * Export and import over HTTP: every route and status, every fixture, the
 * store unchanged after each refusal, and round trips through each format.
 */
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { setServices } from "@/lib/app.ts";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { ImportError, parseImport } from "@/lib/transfer/mod.ts";

const app = await startApp();
// A leak found by the secret scan or a failed close fails the run.
Deno.test.afterAll(() => app.close());

const VALID_FIXTURES = [
  "chat.md",
  "chat.txt",
  "chat_time_only.txt",
  "chatai_all.json",
  "chatai_single.json",
  "chatgpt_conversations.json",
  "legacy.json",
  "legacy_no_feedback.json",
];
const INVALID_FIXTURES = [
  "binary.png",
  "empty.txt",
  "invalid_utf8.txt",
  "not_a_chat.txt",
  "truncated.json.part",
  "wrong_types.json",
];

function fixture(name: string): Uint8Array<ArrayBuffer> {
  return Deno.readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
}

/** Sends a fixture as the browser's form does: multipart, field `file`. */
function upload(
  client: ApiClient,
  name: string,
  path = "/api/import",
  init: RequestInit = {},
): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([fixture(name)], name));
  return client.fetch(path, { method: "POST", body: form, ...init });
}

/** A multipart body as bytes, to send it in pieces. */
async function multipart(bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.append("file", new File([bytes], name));
  const res = new Response(form);
  return {
    body: new Uint8Array(await res.arrayBuffer()),
    headers: { "Content-Type": res.headers.get("Content-Type")! },
  };
}

/** Every chat of the user with its messages: equal snapshots mean nothing was written. */
async function snapshot(client: ApiClient): Promise<unknown[]> {
  const { chats } = await client.json<{ chats: Chat[] }>("/api/chats");
  return await Promise.all(
    chats.map((chat) => client.json(`/api/chats/${chat.id}`)),
  );
}

/** An export without what an import renews: ids and the export time. */
function stripVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripVolatile);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !["id", "exportedAt"].includes(key))
      .map(([key, v]) => [key, stripVolatile(v)]),
  );
}

/** A chat with Unicode, code, the formats' own separators and a 1 MB answer. */
async function hostileChat(client: ApiClient): Promise<string> {
  const id = await client.createChat();
  await client.send(
    id,
    "Halo 👋 apa kabar? 日本語 한국어\n\n```ts\nconst x = 1;\n```\n---\n[12:00:00] User: palsu\n*2024-01-01 12:00:00* - **User**:",
  );
  await client.send(id, "[[fake:long]] tulis panjang");
  return id;
}

Deno.test("export as JSON is an attachment named after the title, with every message", async () => {
  const alice = new ApiClient(app.url);
  const id = await alice.createChat({ title: "Resep: rendang/Padang?" });
  await alice.send(id, "Bagaimana cara memasak rendang? 🍛");
  const res = await alice.fetch(`/api/chats/${id}/export?format=json`);
  assertEquals(res.status, 200);
  assertEquals(
    res.headers.get("Content-Type"),
    "application/json; charset=utf-8",
  );
  assertEquals(
    res.headers.get("Content-Disposition"),
    `attachment; filename="Resep rendang Padang.json"; filename*=UTF-8''Resep%20rendang%20Padang.json`,
  );
  const file = await res.json();
  assertEquals([file.format, file.version], ["chatai", 1]);
  assertEquals(file.chat.id, id);
  assertEquals(file.chat.title, "Resep: rendang/Padang?");
  assertEquals(
    file.messages.map((m: Message) => m.role),
    ["user", "assistant"],
  );
  assertEquals(file.messages[0].content, "Bagaimana cara memasak rendang? 🍛");
  // Without ?format= the export is the same JSON.
  const plain = await alice.fetch(`/api/chats/${id}/export`);
  assertEquals((await plain.json()).messages, file.messages);
});

Deno.test("export as TXT and Markdown writes stamped lines in the browser's time zone", async () => {
  const alice = new ApiClient(app.url);
  const id = await alice.createChat({ title: "Zona waktu" });
  await alice.send(id, "Jam berapa?");
  const { messages } = await alice.json<{ messages: Message[] }>(
    `/api/chats/${id}`,
  );
  const stamp = (zone: string) =>
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: zone,
      dateStyle: "short",
      timeStyle: "medium",
    }).format(new Date(messages[0].createdAt));

  const txt = await alice.fetch(`/api/chats/${id}/export?format=txt`);
  assertEquals(txt.headers.get("Content-Type"), "text/plain; charset=utf-8");
  assertMatch(
    txt.headers.get("Content-Disposition")!,
    /^attachment; filename="Zona waktu\.txt"/,
  );
  const text = await txt.text();
  assert(
    text.startsWith(`[${stamp("Asia/Jakarta")}] User: Jam berapa?\n\n[`),
    text,
  );

  alice.cookie += "; tz=America/New_York";
  const md = await alice.fetch(`/api/chats/${id}/export?format=md`);
  assertEquals(md.headers.get("Content-Type"), "text/markdown; charset=utf-8");
  assertMatch(
    md.headers.get("Content-Disposition")!,
    /^attachment; filename="Zona waktu\.md"/,
  );
  const markdown = await md.text();
  assert(markdown.startsWith("# Zona waktu\n"), markdown);
  assert(
    markdown.includes(
      `*${stamp("America/New_York")}* - **User**:\n\nJam berapa?\n\n---\n`,
    ),
    markdown,
  );
});

Deno.test("export with an unknown format is 400, and another owner's chat is 404", async () => {
  const alice = new ApiClient(app.url);
  const bob = new ApiClient(app.url);
  const id = await alice.createChat();
  const bad = await alice.json<{ error: { code: string; message: string } }>(
    `/api/chats/${id}/export?format=pdf`,
    {},
    400,
  );
  assertEquals(bad.error.code, "invalid_request");
  assertEquals(
    bad.error.message,
    "“pdf” is not an export format. Use format=json, format=txt or format=md.",
  );
  await bob.createChat();
  for (const format of ["json", "txt", "md"]) {
    const res = await bob.json<{ error: { code: string } }>(
      `/api/chats/${id}/export?format=${format}`,
      {},
      404,
    );
    assertEquals(res.error.code, "not_found");
  }
  await alice.json("/api/chats/nope/export", {}, 404);
});

Deno.test("GET /api/export holds every chat of the owner across list pages, and only JSON", async () => {
  const carol = new ApiClient(app.url);
  const first = await carol.createChat({ title: "chat 0" });
  await carol.send(first, "pesan pertama");
  for (let batch = 0; batch < 11; batch++) {
    await Promise.all(
      Array.from(
        { length: 46 },
        (_, i) => carol.createChat({ title: `chat ${batch * 46 + i + 1}` }),
      ),
    );
  }
  const dave = new ApiClient(app.url);
  await dave.createChat({ title: "dave's" });
  const res = await carol.fetch("/api/export?format=json");
  assertEquals(res.status, 200);
  assertMatch(
    res.headers.get("Content-Disposition")!,
    /^attachment; filename="chatai-\d{4}-\d\d-\d\d\.json"/,
  );
  const file = await res.json() as {
    format: string;
    chats: { chat: Chat; messages: Message[] }[];
  };
  assertEquals(file.format, "chatai");
  assertEquals(file.chats.length, 507);
  assertEquals(new Set(file.chats.map((c) => c.chat.id)).size, 507);
  assert(!file.chats.some((c) => c.chat.title === "dave's"));
  const withMessages = file.chats.find((c) => c.chat.id === first)!;
  assertEquals(withMessages.messages.length, 2);

  const txt = await carol.json<{ error: { code: string } }>(
    "/api/export?format=txt",
    {},
    400,
  );
  assertEquals(txt.error.code, "invalid_request");
});

Deno.test("every file in tests/fixtures is covered by an import test below", () => {
  const files = [...Deno.readDirSync(new URL("../fixtures/", import.meta.url))]
    .map((entry) => entry.name).sort();
  assertEquals(files, [...VALID_FIXTURES, ...INVALID_FIXTURES].sort());
});

for (const name of VALID_FIXTURES) {
  Deno.test(`${name} imports (201) and its chats appear in GET /api/chats with their messages`, async () => {
    const client = new ApiClient(app.url);
    await client.createChat({ title: "already here" });
    const expected = parseImport(fixture(name), name, {
      timeZone: "Asia/Jakarta",
      lang: "en",
    });
    const res = await upload(client, name);
    assertEquals(res.status, 201);
    const body = await res.json() as { chats: Chat[]; warnings: string[] };
    assertEquals(body.warnings, expected.warnings);
    assertEquals(
      body.chats.map((c) => [c.title, c.pinned]),
      expected.chats.map((c) => [c.title, c.pinned]),
    );
    const { chats } = await client.json<{ chats: Chat[] }>("/api/chats");
    assertEquals(chats.length, expected.chats.length + 1);
    for (const [i, imported] of body.chats.entries()) {
      assert(chats.some((c) => c.id === imported.id), imported.title);
      const stored = await client.json<{ chat: Chat; messages: Message[] }>(
        `/api/chats/${imported.id}`,
      );
      const source = expected.chats[i];
      assertEquals(stored.chat.createdAt, source.createdAt);
      assertEquals(stored.chat.updatedAt, source.updatedAt);
      assert(!("sourceId" in stored.chat), "the source id is not stored");
      const timeOnly = name === "chat_time_only.txt";
      assertEquals(
        stored.messages.map(({ id: _, createdAt, ...m }) =>
          timeOnly ? m : { ...m, createdAt }
        ),
        source.messages.map(({ createdAt, ...m }) =>
          timeOnly ? m : { ...m, createdAt }
        ),
      );
    }
  });
}

Deno.test("a raw body with ?filename= imports like a form upload", async () => {
  const client = new ApiClient(app.url);
  const { chats } = await client.json<{ chats: Chat[] }>(
    "/api/import?filename=chat.md",
    {
      method: "POST",
      headers: { "Content-Type": "text/markdown; charset=utf-8" },
      body: fixture("chat.md"),
    },
    201,
  );
  assertEquals(chats.map((c) => c.title), ["Belajar Python dasar"]);
  const plain = await client.json<{ chats: Chat[] }>(
    "/api/import?filename=chat.txt",
    { method: "POST", body: fixture("chat.txt") },
    201,
  );
  assertEquals(plain.chats.map((c) => c.title), ["chat"]);
});

for (const name of INVALID_FIXTURES) {
  Deno.test(`${name} is refused with 400 and a message that says why, and the store is unchanged`, async () => {
    const client = new ApiClient(app.url);
    const id = await client.createChat({ title: "keep me" });
    await client.send(id, "isi yang harus tetap ada");
    const before = await snapshot(client);
    const error = (() => {
      try {
        parseImport(fixture(name), name, { lang: "en" });
      } catch (error) {
        if (error instanceof ImportError) return error;
      }
      throw new Error(`${name} should not parse`);
    })();
    for (const lang of ["en", "id"] as const) {
      const res = await upload(client, name, `/api/import?lang=${lang}`);
      assertEquals(res.status, 400);
      assertEquals(await res.json(), {
        error: { code: "invalid_request", message: error.localize(lang) },
      });
    }
    assertEquals(await snapshot(client), before);
  });
}

Deno.test("a file above IMPORT_MAX_BYTES is 413 whether declared, streamed or sent as a form, and writes nothing", async () => {
  const small = await startApp({ IMPORT_MAX_BYTES: "2048" });
  try {
    const client = new ApiClient(small.url);
    await client.createChat({ title: "keep me" });
    const before = await snapshot(client);
    const big = fixture("chatgpt_conversations.json");
    assert(big.length > 2048);
    const tooLarge = {
      error: {
        code: "payload_too_large",
        message:
          "The file is larger than 2 kB, the most that can be imported at once. Export fewer chats per file and try again.",
      },
    };
    const form = await multipart(big, "conversations.json");
    // A body well past the multipart allowance, streamed without a length.
    const hugeForm = await multipart(new Uint8Array(300_000).fill(65), "a.txt");
    const cases: [string, RequestInit][] = [
      ["form upload", { body: form.body, headers: form.headers }],
      ["declared raw body", {
        body: big,
        headers: { "Content-Type": "application/json" },
      }],
      ["streamed raw body", {
        body: stream(big),
        headers: { "Content-Type": "application/json" },
      }],
      ["streamed form", {
        body: stream(hugeForm.body),
        headers: hugeForm.headers,
      }],
    ];
    for (const [label, init] of cases) {
      const res = await client.fetch("/api/import?filename=big.json", {
        method: "POST",
        ...init,
      });
      assertEquals(res.status, 413, label);
      assertEquals(await res.json(), tooLarge, label);
    }
    assertEquals(await snapshot(client), before);
    // A file under the limit still imports on the same app.
    assertEquals((await upload(client, "chat.md")).status, 201);
  } finally {
    await small.close();
    setServices(app.services);
  }
});

function stream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 1024));
      offset += 1024;
    },
  });
}

Deno.test("an unsupported Content-Type is 415, a form without a file is 400, and neither writes", async () => {
  const client = new ApiClient(app.url);
  await client.createChat({ title: "keep me" });
  const before = await snapshot(client);
  for (const type of ["application/x-www-form-urlencoded", "image/png"]) {
    const res = await client.json<{ error: { code: string } }>(
      "/api/import",
      {
        method: "POST",
        headers: { "Content-Type": type },
        body: fixture("chat.txt"),
      },
      415,
    );
    assertEquals(res.error.code, "unsupported_media_type");
  }
  const noFile = new FormData();
  noFile.append("note", "no file here");
  const missing = await client.json<{ error: { message: string } }>(
    "/api/import",
    { method: "POST", body: noFile },
    400,
  );
  assertEquals(
    missing.error.message,
    "No file was sent in the field “file”. Choose a file and try again.",
  );
  const broken = await client.json<{ error: { code: string } }>(
    "/api/import",
    {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: "this is not multipart",
    },
    400,
  );
  assertEquals(broken.error.code, "invalid_request");
  assertEquals(await snapshot(client), before);
});

Deno.test("when writing the second of three chats fails, none is visible and nothing stays behind (all or nothing)", async () => {
  const client = new ApiClient(app.url);
  await client.createChat({ title: "keep me" });
  const before = await snapshot(client);
  const store = app.services.store;
  const original = store.importChats;
  let calls = 0;
  const logged: unknown[] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  // The second chat holds a value over KV's 64 KiB limit, after the first
  // chat's many messages were written: a real failure half-way.
  store.importChats = function (owner, items) {
    calls++;
    const filler = Array.from({ length: 3_000 }, () => ({
      role: "user" as const,
      content: "x",
      status: "complete" as const,
    }));
    const [first, second, ...rest] = items;
    return original.call(this, owner, [
      { ...first, messages: [...first.messages, ...filler] },
      {
        ...second,
        messages: [{ ...filler[0], model: "m".repeat(70_000) }],
      },
      ...rest,
    ]);
  };
  try {
    const res = await upload(client, "chatai_all.json");
    assertEquals(res.status, 500);
    assertEquals(
      (await res.json()).error.message,
      "The chats could not be saved, so nothing was imported. Try again in a moment.",
    );
  } finally {
    store.importChats = original;
    console.error = log;
  }
  assertEquals(calls, 1);
  assertEquals(logged.length, 1, "the cause is logged for the operator");
  assertEquals(await snapshot(client), before);
});

Deno.test("JSON, TXT and Markdown round trip: export → import → export gives the same file, 1 MB answer included", async () => {
  const client = new ApiClient(app.url);
  const id = await hostileChat(client);
  const { messages } = await client.json<{ messages: Message[] }>(
    `/api/chats/${id}`,
  );
  const answerBytes = new TextEncoder().encode(messages[3].content).length;
  assert(answerBytes >= 1 << 20, `the long answer is 1 MB, not ${answerBytes}`);
  for (const format of ["json", "txt", "md"]) {
    const first = await client.fetch(
      `/api/chats/${id}/export?format=${format}`,
    );
    const disposition = first.headers.get("Content-Disposition")!;
    const filename = decodeURIComponent(disposition.split("''")[1]);
    const text = await first.text();
    const { chats } = await client.json<{ chats: Chat[] }>(
      `/api/import?filename=${encodeURIComponent(filename)}`,
      { method: "POST", body: text },
      201,
    );
    const again = await client.fetch(
      `/api/chats/${chats[0].id}/export?format=${format}`,
    );
    assertEquals(again.headers.get("Content-Disposition"), disposition);
    const back = await again.text();
    if (format === "json") {
      // Ids are new and exportedAt is the export's time; all else is equal.
      assertEquals(
        stripVolatile(JSON.parse(back)),
        stripVolatile(JSON.parse(text)),
      );
    } else {
      assertEquals(back, text, format);
    }
  }
});

Deno.test("all chats round trip through one JSON file, pinned chats staying pinned", async () => {
  const alice = new ApiClient(app.url);
  await hostileChat(alice);
  const pinned = await alice.createChat({ title: "disematkan" });
  await alice.json(`/api/chats/${pinned}`, {
    method: "PATCH",
    json: { pinned: true },
  });
  const first = await (await alice.fetch("/api/export")).text();
  const bob = new ApiClient(app.url);
  const { chats } = await bob.json<{ chats: Chat[] }>(
    "/api/import?filename=all.json",
    { method: "POST", body: first },
    201,
  );
  assertEquals(chats.map((c) => c.pinned), [true, false]);
  const again = await (await bob.fetch("/api/export")).text();
  assertEquals(
    stripVolatile(JSON.parse(again)),
    stripVolatile(JSON.parse(first)),
  );
});

Deno.test("the form route opens the imported chat, lists warnings, or explains a refusal", async () => {
  const client = new ApiClient(app.url);
  const home = await client.createChat();
  const ok = await upload(client, "chat.md", "/chats/import", {
    redirect: "manual",
  });
  assertEquals(ok.status, 303);
  assertMatch(ok.headers.get("Location")!, /^\/chats\/[\w-]+$/);

  const warned = await upload(client, "legacy.json", "/chats/import");
  assertEquals(warned.status, 200);
  const page = await warned.text();
  assert(page.includes("Imported 1 chat."), page);
  assert(page.includes("the role “tool” is not one of user"), page);

  const refused = await upload(client, "wrong_types.json", "/chats/import", {
    headers: { Referer: `${app.url}/chats/${home}` },
  });
  assertEquals(refused.status, 400);
  const html = await refused.text();
  assert(html.includes("The file could not be imported"), html);
  assert(
    html.includes("Message 2: “content” should be text, but it is a number."),
    html,
  );
  assert(html.includes(`href="/chats/${home}"`), html);

  // A plain visit has nothing to show; it is not mistaken for a chat id.
  const visit = await client.fetch("/chats/import", { redirect: "manual" });
  assertEquals([visit.status, visit.headers.get("Location")], [303, "/"]);
});
