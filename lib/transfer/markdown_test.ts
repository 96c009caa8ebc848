import { assertEquals } from "@/tests/assert.ts";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { parseImport } from "./import.ts";
import { exportMarkdown } from "./markdown.ts";
import { bytes } from "./testing.ts";

const chat = (title: string) => ({ title } as Chat);
const msg = (
  role: Message["role"],
  content: string,
  createdAt = "2024-05-01T03:20:30Z",
): Message => ({ id: "x", role, content, createdAt, status: "complete" });
const read = (text: string, filename?: string) =>
  parseImport(bytes(text), filename, {
    timeZone: "Asia/Jakarta",
    now: new Date("2026-11-24T04:49:03Z"),
    lang: "en",
  });

Deno.test("exportMarkdown() writes the title, a header per message and rules between messages", () => {
  const text = exportMarkdown({
    chat: chat("Resep\nsoto"),
    messages: [
      msg("user", "Bagaimana?"),
      msg("assistant", "Begini:\n\n```js\nx()\n```", "2024-05-01T03:20:40Z"),
    ],
  }, { timeZone: "Asia/Jakarta" });
  assertEquals(
    text,
    "# Resep soto\n\n" +
      "*2024-05-01 10:20:30* - **User**:\n\nBagaimana?\n\n---\n\n" +
      "*2024-05-01 10:20:40* - **Assistant**:\n\nBegini:\n\n```js\nx()\n```\n",
  );
});

Deno.test("exportMarkdown() escapes rule and header lines with one more backslash", () => {
  const content =
    "---\n\\---\n  ----  \n*12:00:00* - **Bot**:\n--- tidak\n\\ biasa";
  const text = exportMarkdown({
    chat: chat("T"),
    messages: [msg("user", content)],
  }, { timeZone: "UTC" });
  assertEquals(
    text,
    "# T\n\n*2024-05-01 03:20:30* - **User**:\n\n" +
      "\\---\n\\\\---\n\\  ----  \n\\*12:00:00* - **Bot**:\n--- tidak\n\\ biasa\n",
  );
  assertEquals(read(text).chats[0].messages[0].content, content);
});

Deno.test("exportMarkdown() writes an empty message as a bare header and an untitled chat as “Chat”", () => {
  const text = exportMarkdown({
    chat: chat("  "),
    messages: [msg("user", ""), msg("assistant", "ok")],
  }, { timeZone: "UTC" });
  assertEquals(
    text,
    "# Chat\n\n*2024-05-01 03:20:30* - **User**:\n\n---\n\n*2024-05-01 03:20:30* - **Assistant**:\n\nok\n",
  );
  assertEquals(read(text).chats[0].messages.map((m) => m.content), ["", "ok"]);
});

Deno.test("parseImport() reads Markdown reformatted with underscores, Bot, and text on the header line", () => {
  const { chats: [imported], warnings } = read(
    "<!-- catatan -->\n# Judul\n\n_10:00:00_ - __bot__: Halo juga\nbaris dua\n",
  );
  assertEquals(warnings, []);
  assertEquals(imported.title, "Judul");
  assertEquals(imported.messages[0].role, "assistant");
  assertEquals(imported.messages[0].content, "Halo juga\nbaris dua");
  assertEquals(imported.messages[0].createdAt, "2026-11-24T10:00:00+07:00");
});

Deno.test("parseImport() imports a Markdown heading without messages as an empty chat", () => {
  const { chats: [imported] } = read("# Obrolan kosong\n");
  assertEquals(imported.title, "Obrolan kosong");
  assertEquals(imported.messages, []);
  assertEquals(imported.createdAt, "2026-11-24T11:49:03+07:00");
});

Deno.test("parseImport() titles a Markdown chat without a heading by its file name", () => {
  const text = "*2024-05-01 10:20:30* - **User**:\n\nHai\n";
  assertEquals(read(text, "catatan-rapat.md").chats[0].title, "catatan-rapat");
});
