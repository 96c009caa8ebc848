/**
 * Issue 13, finding 15: an import stores nothing the API would refuse, and
 * malformed values are a 400 with a clear message, never a 500.
 */
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

const TIME = "2025-01-01T00:00:00.000Z";

/** A chatai export of one chat with `chat` and `message` fields on top. */
function chataiFile(
  chat: Record<string, unknown>,
  message: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    format: "chatai",
    version: 1,
    exportedAt: TIME,
    chat: { title: "Biasa", createdAt: TIME, updatedAt: TIME, ...chat },
    messages: [{
      role: "assistant",
      content: "Halo",
      createdAt: TIME,
      status: "complete",
      ...message,
    }],
  });
}

async function importFile(
  client: ApiClient,
  body: string,
  filename = "chat.json",
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await client.fetch(`/api/import?filename=${filename}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  return { status: res.status, body: await res.json() };
}

async function storedChats(client: ApiClient) {
  return (await client.json<{ chats: Record<string, unknown>[] }>(
    "/api/chats",
  )).chats;
}

Deno.test("an imported title of 20,000 characters with control characters is stored cleaned, as the API would take it", async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const title = "Judul\u0007\u001b[31m panjang ".repeat(1_200);
    assert(title.length > 20_000);
    const res = await importFile(client, chataiFile({ title }));
    assertEquals(res.status, 201);
    const [chat] = await storedChats(client);
    const stored = chat.title as string;
    assert(stored.length <= 200, `title of ${stored.length} characters`);
    // deno-lint-ignore no-control-regex
    assert(!/[\u0000-\u001f\u007f]/.test(stored), "no control characters");
    assert(stored.startsWith("Judul[31m panjang"));
  } finally {
    await app.close();
  }
});

Deno.test("an imported model id or system prompt the API refuses is not stored", async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const res = await importFile(
      client,
      chataiFile({
        model: "<script>alert(1)</script> bukan model",
        systemPrompt: "p".repeat(20_001),
      }),
    );
    assertEquals(res.status, 201);
    const warnings = (res.body.warnings as string[]).join("\n");
    assertMatch(warnings, /model/);
    assertMatch(warnings, /systemPrompt/);
    const [chat] = await storedChats(client);
    assert(!(chat.model as string).includes("<"), `model ${chat.model}`);
    assertEquals(chat.systemPrompt, "");
  } finally {
    await app.close();
  }
});

Deno.test("malformed imports are a 400 with a clear message in both languages, and store nothing", async () => {
  const app = await startApp();
  try {
    const cases: [string, string, RegExp, RegExp][] = [
      [
        "a message model of 70 KB",
        chataiFile({}, { model: "m".repeat(70_000) }),
        /^Message 1: “model” is "m+…, which is not a model id/,
        /^Pesan 1: “model” bernilai "m+…, yang bukan id model/,
      ],
      [
        "an error message of 70 KB",
        chataiFile({}, {
          status: "error",
          error: { code: "x", message: "e".repeat(70_000) },
        }),
        /“error.message” is 70,000 characters long; at most 4,000/,
        /“error.message” panjangnya 70.000 karakter; paling banyak 4.000/,
      ],
      [
        "usage of 1e300 tokens",
        chataiFile({}, {
          usage: { promptTokens: 1e300, completionTokens: 1 },
        }),
        /out of range|should be/,
        /di luar rentang|seharusnya/,
      ],
    ];
    for (const [what, body, english, indonesian] of cases) {
      for (const [lang, pattern] of [["en", english], ["id", indonesian]]) {
        const client = new ApiClient(app.url, lang as string);
        const res = await importFile(client, body);
        assertEquals(res.status, 400, what);
        const error = res.body.error as { message: string };
        assertMatch(error.message, pattern as RegExp, what);
        assertEquals(await storedChats(client), [], what);
      }
    }
  } finally {
    await app.close();
  }
});

Deno.test("a ChatGPT create_time of 1e300 is imported with a fallback time, not a 500", async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const conversation = {
      title: "Waktu aneh",
      create_time: 1e300,
      update_time: 1e300,
      current_node: "b",
      mapping: {
        a: {
          id: "a",
          children: ["b"],
          message: {
            id: "a",
            author: { role: "user" },
            content: { content_type: "text", parts: ["Halo"] },
            create_time: 1e300,
          },
        },
        b: {
          id: "b",
          parent: "a",
          message: {
            id: "b",
            author: { role: "assistant" },
            content: { content_type: "text", parts: ["Hai"] },
            create_time: 1e300,
          },
        },
      },
    };
    const res = await importFile(
      client,
      JSON.stringify([conversation]),
      "conversations.json",
    );
    assertEquals(res.status, 201, JSON.stringify(res.body));
    const [chat] = await storedChats(client);
    assert(Number.isFinite(Date.parse(chat.createdAt as string)));
  } finally {
    await app.close();
  }
});

Deno.test("a list cursor of 3,000 characters is a 400, not a 500", async () => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    await client.createChat({ title: "satu" });
    // A well-formed cursor whose id is far longer than any chat id.
    const long = btoa(JSON.stringify([1, 1, "x".repeat(2_200)]))
      .replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    assert(long.length >= 2_900, `cursor of ${long.length}`);
    for (const cursor of [long, "A".repeat(3_000)]) {
      const res = await client.fetch(`/api/chats?cursor=${cursor}`);
      assertEquals(res.status, 400);
      const body = await res.json();
      assertEquals(body.error.code, "invalid_request");
    }
  } finally {
    await app.close();
  }
});
