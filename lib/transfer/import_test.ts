import { assert, assertEquals, assertThrows } from "@/tests/assert.ts";
import { ImportError, ImportTooLargeError } from "./errors.ts";
import { parseImport } from "./import.ts";
import { bytes } from "./testing.ts";
import type { ImportOptions } from "./types.ts";

const options: ImportOptions = {
  timeZone: "Asia/Jakarta",
  now: new Date("2026-11-24T04:49:03Z"),
  lang: "en",
};
const read = (text: string | Uint8Array, filename?: string) =>
  parseImport(typeof text === "string" ? bytes(text) : text, filename, options);
const reject = (text: string | Uint8Array, filename?: string) =>
  assertThrows(() => read(text, filename), ImportError);

const legacy = (items: unknown[]) => JSON.stringify(items);
const item = (extra: Record<string, unknown> = {}) => ({
  role: "user",
  content_text: "Halo",
  timestamp: "2024-05-01 10:20:30",
  feedback: null,
  ...extra,
});

Deno.test("parseImport() detects the format from the content, not the file name", () => {
  const txt = "[2024-05-01 10:20:30] User: Hai\n";
  assertEquals(read(txt, "chat.json").chats[0].messages[0].content, "Hai");
  assertEquals(
    read(legacy([item()]), "chat.txt").chats[0].messages[0].content,
    "Halo",
  );
  assertEquals(
    read("# Judul\n\n*10:00:00* - **User**:\n\nHai\n", "x.txt").chats[0].title,
    "Judul",
  );
});

Deno.test("parseImport() refuses a file over maxBytes with ImportTooLargeError, sized in MB", () => {
  const error = assertThrows(
    () =>
      parseImport(new Uint8Array(3 * 1024 * 1024), "x.json", {
        maxBytes: 2 * 1024 * 1024,
        lang: "en",
      }),
    ImportTooLargeError,
  );
  assertEquals(
    error.message,
    "The file is 3 MB, more than the 2 MB that can be imported at once. Export fewer chats per file and try again.",
  );
  assertEquals(error.localize("id").startsWith("Ukuran berkas 3 MB"), true);
});

Deno.test("parseImport() refuses a file of only white space as empty", () => {
  assertEquals(reject(" \n\t\n").messageKey, "import.error.empty");
});

Deno.test("parseImport() refuses bytes with NULs or a known binary signature as binary", () => {
  assertEquals(
    reject(new Uint8Array([0x7b, 0x00, 0x7d])).messageKey,
    "import.error.binary",
  );
  assertEquals(
    reject(bytes("%PDF-1.7\n...")).messageKey,
    "import.error.binary",
  );
});

Deno.test("parseImport() reads UTF-16 text with a byte order mark", () => {
  const text = "[2024-05-01 10:20:30] User: Apa kabar? 🙂\n";
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    utf16.set([code & 0xff, code >> 8], 2 + i * 2);
  }
  assertEquals(read(utf16).chats[0].messages[0].content, "Apa kabar? 🙂");
});

Deno.test("parseImport() names the line of the first invalid UTF-8 byte", () => {
  const broken = new Uint8Array([
    ...bytes("[10:00:00] User: a\nb\n"),
    0xe9,
    0x0a,
  ]);
  const error = reject(broken);
  assertEquals(error.messageKey, "import.error.encoding");
  assertEquals(error.position, { line: 3 });
});

Deno.test("parseImport() names line and column of a JSON syntax error", () => {
  const error = reject('{\n  "format": "chatai",\n  "version" 1\n}');
  assertEquals(
    error.localize("en"),
    'Line 3, column 13: The file is not valid JSON: "1" was not expected here. Check the file at this place, or export it again.',
  );
  assertEquals(error.localize("id").startsWith("Baris 3, kolom 13: "), true);
});

Deno.test("parseImport() reports unknown JSON and an empty list", () => {
  assertEquals(reject('{"hello": "world"}').messageKey, "import.error.format");
  assertEquals(reject("[]").messageKey, "import.error.no_chats");
});

Deno.test("parseImport() names the missing field and its expected type", () => {
  const error = reject(legacy([item(), { role: "user", timestamp: 1 }]));
  assertEquals(
    error.localize("en"),
    "Message 2: “content_text” is missing: expected text.",
  );
});

Deno.test("parseImport() reports a chatai chat field of the wrong type with its path", () => {
  const error = reject(JSON.stringify({
    format: "chatai",
    version: 1,
    chats: [{ chat: { title: 5 }, messages: [] }],
  }));
  assertEquals(
    error.localize("id"),
    "Obrolan 1: “title” seharusnya teks, tetapi isinya angka.",
  );
});

Deno.test("parseImport() keeps at most 50 warnings and counts the rest", () => {
  const items = [
    item(),
    ...Array.from({ length: 60 }, () => item({ role: "x" })),
  ];
  const { warnings } = read(legacy(items));
  assertEquals(warnings.length, 51);
  assertEquals(warnings.at(-1), "…and 10 more warnings.");
});

Deno.test("parseImport() falls back to Asia/Jakarta for an unknown time zone", () => {
  const { chats } = parseImport(
    bytes("[2024-05-01 10:20:30] User: Hai\n"),
    undefined,
    {
      timeZone: "Mars/Base",
    },
  );
  assertEquals(chats[0].messages[0].createdAt, "2024-05-01T10:20:30+07:00");
});

Deno.test("ImportError messages are English for logs and localized on request", () => {
  const error = reject("");
  assert(error.message.startsWith("The file is empty."));
  assert(error.localize("id").startsWith("Berkas kosong."));
});
