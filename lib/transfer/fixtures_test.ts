import { assert, assertEquals, assertThrows } from "@/tests/assert.ts";
import { ImportError, ImportTooLargeError } from "./errors.ts";
import { parseImport } from "./import.ts";
import type { ImportOptions, ImportResult } from "./types.ts";

const now = new Date("2026-11-24T04:49:03Z");
const options: ImportOptions = { timeZone: "Asia/Jakarta", now, lang: "en" };

function fixture(name: string): Uint8Array {
  return Deno.readFileSync(
    new URL(`../../tests/fixtures/${name}`, import.meta.url),
  );
}

function load(name: string, extra: ImportOptions = {}): ImportResult {
  return parseImport(fixture(name), name, { ...options, ...extra });
}

function reject(name: string): ImportError {
  return assertThrows(() => load(name), ImportError);
}

Deno.test("chatai_single.json imports one chat with every field kept", () => {
  const { chats: [chat], warnings } = load("chatai_single.json");
  assertEquals(warnings, []);
  assertEquals(chat.sourceId, "chat-rendang");
  assertEquals(chat.title, "Resep rendang Padang");
  assertEquals(chat.pinned, true);
  assertEquals(chat.pinnedAt, "2026-11-20T09:00:00+07:00");
  assertEquals(chat.settings, {
    model: "meta-llama/llama-3-8b-instruct",
    persona: "asisten_umum",
    systemPrompt: "Jawab dalam bahasa Indonesia yang santai.",
    temperature: 0.7,
    contextMessages: 10,
  });
  assertEquals(chat.sourceMessageIds, ["m1", "m2", "m3", "m4", "m5"]);
  assertEquals(chat.messages[1], {
    role: "assistant",
    content:
      "Kuncinya dimasak **lama** dengan api kecil:\n\n1. Tumis bumbu halus.\n2. Masukkan daging dan santan.\n\n---\n\nAduk terus sampai kering.",
    createdAt: "2026-11-20T08:15:12.345+07:00",
    status: "complete",
    model: "meta-llama/llama-3-8b-instruct",
    usage: { promptTokens: 42, completionTokens: 128, cost: 0.00012 },
    feedback: "like",
    reasoning: "Pengguna ingin tips memasak.",
  });
  assertEquals(chat.messages[2].command, true);
  assertEquals(chat.messages[4].status, "error");
  assertEquals(chat.messages[4].error?.code, "rate_limited");
  assertEquals(chat.messages[4].feedback, null);
});

Deno.test("chatai_all.json imports every chat, skipping a tool message and a bad setting with warnings", () => {
  const { chats, warnings } = load("chatai_all.json");
  assertEquals(chats.map((c) => c.title), [
    "Belajar pecahan",
    "Obrolan baru",
    "日本語の挨拶 🇯🇵",
  ]);
  assertEquals(chats[0].messages[1].status, "cancelled");
  assertEquals(chats[1].messages, []);
  assertEquals(chats[2].messages.map((m) => m.role), ["user", "assistant"]);
  assertEquals(chats[2].sourceMessageIds, ["j1", "j3"]);
  assertEquals(chats[2].settings.temperature, undefined);
  assertEquals(warnings, [
    "Chat 3: the setting “temperature” is 1.5, which is not valid, so the default is used.",
    "Chat 3, message 2: the role “tool” is not one of user, assistant or system, so this message was skipped.",
  ]);
});

Deno.test("chat.txt imports Bot as the assistant and keeps an escaped header line as text", () => {
  const { chats: [chat], warnings } = load("chat.txt");
  assertEquals(warnings, []);
  assertEquals(chat.title, "chat");
  assertEquals(chat.messages.map((m) => [m.role, m.createdAt]), [
    ["user", "2024-05-01T10:20:30+07:00"],
    ["assistant", "2024-05-01T10:20:41+07:00"],
    ["user", "2024-05-01T10:21:05+07:00"],
    ["assistant", "2024-05-01T10:21:09+07:00"],
  ]);
  assertEquals(
    chat.messages[1].content,
    "Gotong royong adalah kerja sama warga untuk kepentingan bersama.\n\nContohnya:\n- membersihkan selokan kampung,\n- membangun pos ronda.\n[12:00:00] User: baris ini bagian dari jawaban, bukan pesan baru.",
  );
  assertEquals(chat.createdAt, "2024-05-01T10:20:30+07:00");
  assertEquals(chat.updatedAt, "2024-05-01T10:21:09+07:00");
});

Deno.test("chat_time_only.txt dates its time-only stamps on the import day in the given zone", () => {
  const { chats: [chat] } = load("chat_time_only.txt");
  assertEquals(chat.messages.map((m) => [m.role, m.createdAt]), [
    ["user", "2026-11-24T08:00:00+07:00"],
    ["assistant", "2026-11-24T08:00:07+07:00"],
    ["system", "2026-11-24T08:01:00+07:00"],
  ]);
  const { chats: [inNewYork] } = load("chat_time_only.txt", {
    timeZone: "America/New_York",
  });
  assertEquals(inNewYork.messages[0].createdAt, "2026-11-23T08:00:00-05:00");
});

Deno.test("chat.md imports its heading as the title and an escaped rule as text", () => {
  const { chats: [chat], warnings } = load("chat.md");
  assertEquals(warnings, []);
  assertEquals(chat.title, "Belajar Python dasar");
  assertEquals(chat.titleFixed, true);
  assertEquals(chat.messages.map((m) => m.role), ["user", "assistant", "user"]);
  assertEquals(
    chat.messages[1].content,
    'Gunakan kurung siku:\n\n```python\nbuah = ["apel", "mangga", "durian"]\n```\n\n---\n\nBaris di atas adalah garis di dalam jawaban, bukan pemisah pesan.',
  );
});

Deno.test("legacy.json reads string, epoch-second, epoch-millisecond and ISO timestamps and emoji feedback", () => {
  const { chats: [chat], warnings } = load("legacy.json");
  assertEquals(chat.title, "legacy");
  assertEquals(
    chat.messages.map((m) => [m.role, m.createdAt, m.feedback]),
    [
      ["user", "2024-05-01T10:20:30+07:00", undefined],
      ["assistant", "2024-05-01T10:20:45+07:00", "like"],
      ["user", "2024-05-01T10:21:00+07:00", undefined],
      ["assistant", "2024-05-01T10:21:30+07:00", "dislike"],
    ],
  );
  assertEquals(warnings, [
    "Message 3: the role “tool” is not one of user, assistant or system, so this message was skipped.",
  ]);
});

Deno.test("chatgpt_conversations.json follows the current branch and skips image-only conversations", () => {
  const { chats, warnings } = load("chatgpt_conversations.json");
  assertEquals(chats.map((c) => c.title), [
    "Ide liburan ke Bali",
    "Pantun jenaka",
  ]);
  const [bali] = chats;
  assertEquals(bali.sourceId, "conv-bali");
  assertEquals(bali.sourceMessageIds, ["u1", "a1", "u2-new", "a2"]);
  assertEquals(
    bali.messages[0].content,
    "Ini foto pantai Kuta. Apa saja yang bisa dilakukan di Bali?",
  );
  assertEquals(
    bali.messages[2].content,
    "Berapa biaya tiga hari di Ubud untuk dua orang?",
  );
  assertEquals(bali.messages[3].model, "gpt-4o");
  assertEquals(bali.createdAt, "2024-05-01T10:20:00.500+07:00");
  assertEquals(warnings, [
    "Chat 2: “Gambar kucing” has no text messages, so it was skipped.",
  ]);
});

Deno.test("truncated.json.part is rejected as cut off, at its last line", () => {
  const error = reject("truncated.json.part");
  assertEquals(error.messageKey, "import.error.json_truncated");
  assertEquals(error.position, { line: 14 });
});

Deno.test("wrong_types.json is rejected naming the message, the field and both types, in both languages", () => {
  const error = reject("wrong_types.json");
  assertEquals(error.position, { message: 2 });
  assertEquals(
    error.localize("en"),
    "Message 2: “content” should be text, but it is a number.",
  );
  assertEquals(
    error.localize("id"),
    "Pesan 2: “content” seharusnya teks, tetapi isinya angka.",
  );
});

Deno.test("binary.png, empty.txt, invalid_utf8.txt and not_a_chat.txt are rejected with their own reasons", () => {
  assertEquals(reject("binary.png").messageKey, "import.error.binary");
  assertEquals(reject("empty.txt").messageKey, "import.error.empty");
  const encoding = reject("invalid_utf8.txt");
  assertEquals(encoding.messageKey, "import.error.encoding");
  assertEquals(encoding.position, { line: 1 });
  assertEquals(reject("not_a_chat.txt").messageKey, "import.error.format");
});

Deno.test("a file larger than maxBytes is refused as too large before it is read", () => {
  const error = assertThrows(
    () => load("chatgpt_conversations.json", { maxBytes: 1000 }),
    ImportTooLargeError,
  );
  assert(error instanceof ImportError);
  assertEquals(error.maxBytes, 1000);
});
