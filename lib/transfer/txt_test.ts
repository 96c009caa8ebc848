import { assertEquals } from "@/tests/assert.ts";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { parseImport } from "./import.ts";
import { bytes } from "./testing.ts";
import { exportTxt } from "./txt.ts";

const chat = { title: "Tes" } as Chat;
const msg = (
  role: Message["role"],
  content: string,
  createdAt = "2024-05-01T03:20:30Z",
): Message => ({ id: "x", role, content, createdAt, status: "complete" });
const now = new Date("2026-11-24T04:49:03Z");
const read = (text: string, filename?: string) =>
  parseImport(bytes(text), filename, {
    timeZone: "Asia/Jakarta",
    now,
    lang: "en",
  });

Deno.test("exportTxt() writes one header line per message, in the given zone, blank lines between", () => {
  const text = exportTxt({
    chat,
    messages: [
      msg("user", "Halo\napa kabar?"),
      msg("assistant", "Baik 😊", "2024-05-01T03:20:35Z"),
      msg("system", "Persona: guru", "2024-05-01T03:20:36Z"),
    ],
  }, { timeZone: "Asia/Jakarta" });
  assertEquals(
    text,
    "[2024-05-01 10:20:30] User: Halo\napa kabar?\n\n" +
      "[2024-05-01 10:20:35] Assistant: Baik 😊\n\n" +
      "[2024-05-01 10:20:36] System: Persona: guru\n",
  );
});

Deno.test("exportTxt() escapes body lines that read as headers, including already escaped ones", () => {
  const content =
    "[12:00:00] User: palsu\n\\[2024-01-01 12:00:00] bot: juga\n[catatan] biasa\n\\biasa";
  const text = exportTxt({ chat, messages: [msg("user", content)] }, {
    timeZone: "UTC",
  });
  assertEquals(
    text,
    "[2024-05-01 03:20:30] User: \\[12:00:00] User: palsu\n\\\\[2024-01-01 12:00:00] bot: juga\n[catatan] biasa\n\\biasa\n",
  );
  assertEquals(read(text).chats[0].messages[0].content, content);
});

Deno.test("exportTxt() keeps blank lines inside a message, drops those around it, and writes an empty message as a bare header", () => {
  const text = exportTxt({
    chat,
    messages: [
      msg("user", "\n\n  satu\n\n\ndua  \n\n"),
      msg("assistant", " \n"),
    ],
  }, { timeZone: "UTC" });
  assertEquals(
    text,
    "[2024-05-01 03:20:30] User:   satu\n\n\ndua\n\n[2024-05-01 03:20:30] Assistant:\n",
  );
  const [first, second] = read(text).chats[0].messages;
  assertEquals(first.content, "  satu\n\n\ndua");
  assertEquals(second.content, "");
});

Deno.test("exportTxt() of a chat without messages is an empty file", () => {
  assertEquals(exportTxt({ chat, messages: [] }, { timeZone: "UTC" }), "");
});

Deno.test("parseImport() reads TXT role words in any case, CRLF line breaks and stamps without seconds", () => {
  const { chats: [imported] } = read(
    "[2024-05-01 10:20] USER: Hai\r\n\r\n[2024-05-01 10:21:00] bOt: Halo\r\n",
  );
  assertEquals(imported.messages, [
    {
      role: "user",
      content: "Hai",
      createdAt: "2024-05-01T10:20:00+07:00",
      status: "complete",
    },
    {
      role: "assistant",
      content: "Halo",
      createdAt: "2024-05-01T10:21:00+07:00",
      status: "complete",
    },
  ]);
});

Deno.test("parseImport() titles a TXT chat by its file name, else by the first five user words", () => {
  const text = "[10:00:00] User: Tolong buatkan resep soto ayam yang enak\n";
  assertEquals(
    read(text, "C:\\unduhan\\Soto ayam.txt").chats[0].title,
    "Soto ayam",
  );
  const untitled = read(text).chats[0];
  assertEquals(untitled.title, "Tolong buatkan resep soto ayam");
  assertEquals(untitled.titleFixed, false);
});

Deno.test("parseImport() warns about TXT lines before the first message", () => {
  const { chats, warnings } = read(
    "Ekspor dari aplikasi lama\n\n[10:00:00] User: Hai\n",
  );
  assertEquals(chats[0].messages.length, 1);
  assertEquals(warnings, [
    "Line 1: 1 line outside any message was ignored.",
  ]);
});

Deno.test("parseImport() rejects a TXT header whose date does not exist, naming the line", () => {
  try {
    read("[2024-05-01 10:00:00] User: a\n\n[2024-02-30 10:00:00] User: b\n");
    throw new Error("expected a rejection");
  } catch (error) {
    assertEquals(
      (error as Error).message,
      "Line 3: “2024-02-30 10:00:00” is not a real date and time. Use YYYY-MM-DD HH:MM:SS or HH:MM:SS.",
    );
  }
});
