/**
 * Test support for the transfer modules: fast-check generators of chats whose
 * text is hostile to the text formats, and a stand-in for the store that turns
 * imported chats back into exportable ones.
 */
import fc from "fast-check";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { isoInZone } from "./timestamp.ts";
import type { ChatExport, ImportedChat } from "./types.ts";
import { cleanTitle } from "./titles.ts";
import { MAX_SYSTEM_PROMPT_CHARS } from "@/lib/chats/schemas.ts";

/** Zones with odd offsets and daylight saving time, to stress stamp conversion. */
export const ZONES = [
  "Asia/Jakarta",
  "Asia/Kolkata",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "UTC",
] as const;

/** Lines that look like the formats' own structure, or sit next to it. */
const TRICKY_LINES = [
  "",
  "   ",
  "---",
  "\\---",
  "\\\\---",
  " --- ",
  "-----",
  "[12:00:00] User: palsu",
  "\\[12:00:00] User: palsu",
  "[2024-01-01 12:00:00] Assistant: bukan pesan baru",
  "[2024-01-01 12:00:00] bot:",
  "*2024-01-01 12:00:00* - **User**:",
  "\\*2024-01-01 12:00:00* - **Assistant**: x",
  "_12:00:00_ - __System__:",
  "# Judul di dalam pesan",
  "\\",
  "C:\\Users\\budi\\",
  "```ts",
  "const x = 1; // 🚀",
  "```",
  "\tindentasi tab",
  "    kode menjorok",
  "teks dengan spasi di akhir   ",
  "a\u2028b",
  "<!-- komentar -->",
];

const WORDS = [
  "Selamat pagi",
  "terima kasih banyak",
  "bagaimana kabarmu?",
  "nasi goreng 🍛",
  "😀👍🏽🇮🇩",
  "日本語のテキスト",
  "中文文本",
  "한국어",
  "naïve café",
  "**tebal** _miring_",
  "x".repeat(300),
];

/**
 * Any code points but lone surrogates (UTF-8 cannot carry them), controls
 * included: fast-check's `unit: "binary"`, built from integers because that
 * unit builds a table of every code point first, more than a second of each
 * test module's start.
 */
const codePoints = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((point) =>
      point >= 0xd800 ? point + 0x800 : point
    ),
  ),
  { maxLength: 10 },
).map((points) => points.map((point) => String.fromCodePoint(point)).join(""));

const line = fc.oneof(
  fc.constantFrom(...TRICKY_LINES),
  fc.constantFrom(...WORDS),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  codePoints,
);

/** Message text: lines of Unicode, code, separators, blank lines, backslashes. */
export const content: fc.Arbitrary<string> = fc.oneof(
  fc.array(line, { maxLength: 12 }).map((lines) => lines.join("\n")),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.array(line, { minLength: 50, maxLength: 120 }).map((l) => l.join("\n")),
);

const instant = fc.integer({
  min: Date.UTC(2000, 0, 1),
  max: Date.UTC(2099, 11, 31),
});
const iso = fc.tuple(instant, fc.constantFrom(...ZONES)).map(([ms, zone]) =>
  isoInZone(ms, zone)
);

// Ids and titles as the API accepts them: only such chats can be stored.
const modelId = fc.stringMatching(/^[\w.:/@-]{1,40}$/);

/** A message with any combination of optional fields (never `streaming`). */
export const message: fc.Arbitrary<Message> = fc.record({
  id: fc.uuid(),
  role: fc.constantFrom("user", "assistant", "system"),
  content,
  createdAt: iso,
  status: fc.constantFrom("complete", "cancelled", "error"),
  model: modelId,
  usage: fc.record({
    promptTokens: fc.nat({ max: 100_000_000 }),
    completionTokens: fc.nat({ max: 100_000_000 }),
    cost: fc.double({ min: 0, max: 5, noNaN: true }).map(Math.abs),
  }, {
    requiredKeys: ["promptTokens", "completionTokens"],
    noNullPrototype: true,
  }),
  feedback: fc.constantFrom("like", "dislike", null),
  reasoning: content,
  error: fc.record({ code: fc.string(), message: fc.string() }, {
    noNullPrototype: true,
  }),
  command: fc.boolean(),
}, {
  requiredKeys: ["id", "role", "content", "createdAt", "status"],
  noNullPrototype: true,
});

/** A chat with valid settings and a title the API accepts. */
export const chat: fc.Arbitrary<Chat> = fc.record({
  id: fc.uuid(),
  title: fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), content)
    .map(cleanTitle).filter((title) => title.length > 0),
  titleFixed: fc.boolean(),
  pinned: fc.boolean(),
  pinnedAt: iso,
  createdAt: iso,
  updatedAt: iso,
  model: modelId,
  persona: fc.stringMatching(/^[\w-]{0,20}$/),
  systemPrompt: content.filter((s) => s.length <= MAX_SYSTEM_PROMPT_CHARS),
  temperature: fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
  contextMessages: fc.integer({ min: 2, max: 30 }),
}, {
  requiredKeys: [
    "id",
    "title",
    "titleFixed",
    "pinned",
    "createdAt",
    "updatedAt",
    "model",
    "persona",
    "systemPrompt",
    "temperature",
    "contextMessages",
  ],
  noNullPrototype: true,
});

/** A chat with 0-8 messages; `minMessages` for formats that need one. */
export function chatExport(minMessages = 0): fc.Arbitrary<ChatExport> {
  return fc.record({
    chat,
    messages: fc.array(message, { minLength: minMessages, maxLength: 8 }),
  }, { noNullPrototype: true });
}

/**
 * What the store would hand back after importing `imported`: source ids
 * reused (or made up), settings defaulted as the store would.
 */
export function asStored(imported: ImportedChat, index = 0): ChatExport {
  const chat: Chat = {
    id: imported.sourceId ?? `chat-${index}`,
    title: imported.title,
    titleFixed: imported.titleFixed,
    pinned: imported.pinned,
    ...(imported.pinnedAt && { pinnedAt: imported.pinnedAt }),
    createdAt: imported.createdAt,
    updatedAt: imported.updatedAt,
    model: "default/model",
    persona: "",
    systemPrompt: "",
    temperature: 0.7,
    contextMessages: 10,
    ...imported.settings,
  };
  const messages = imported.messages.map((m, i) => ({
    id: imported.sourceMessageIds[i] ?? `message-${i}`,
    ...m,
  }));
  return { chat, messages };
}

/** UTF-8 bytes of a string. */
export const bytes = (text: string): Uint8Array =>
  new TextEncoder().encode(text);
