import { assertEquals } from "@/tests/assert.ts";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { parseImport } from "./import.ts";
import { exportAllJson, exportJson } from "./json.ts";
import { bytes } from "./testing.ts";

const now = new Date("2026-11-24T04:49:03Z");
const chat: Chat = {
  id: "c1",
  title: "Uji",
  titleFixed: false,
  pinned: false,
  createdAt: "2026-11-20T08:00:00+07:00",
  updatedAt: "2026-11-20T08:00:05+07:00",
  model: "m",
  persona: "asisten_umum",
  systemPrompt: "",
  temperature: 0.7,
  contextMessages: 10,
};
const message: Message = {
  id: "m1",
  role: "assistant",
  content: "Halo",
  createdAt: "2026-11-20T08:00:05+07:00",
  status: "complete",
  feedback: null,
  usage: { promptTokens: 1, completionTokens: 2 },
};

Deno.test("exportJson() writes the envelope and every field in a fixed order, leaving absent ones out", () => {
  const reordered = {
    ...message,
    usage: { completionTokens: 2, promptTokens: 1 },
  };
  const parsed = JSON.parse(
    exportJson({ chat, messages: [reordered] }, { now }),
  );
  assertEquals(Object.keys(parsed), [
    "format",
    "version",
    "exportedAt",
    "chat",
    "messages",
  ]);
  assertEquals(parsed.format, "chatai");
  assertEquals(parsed.version, 1);
  assertEquals(parsed.exportedAt, "2026-11-24T04:49:03.000Z");
  assertEquals(Object.keys(parsed.messages[0]), [
    "id",
    "role",
    "content",
    "createdAt",
    "status",
    "usage",
    "feedback",
  ]);
  assertEquals(Object.keys(parsed.messages[0].usage), [
    "promptTokens",
    "completionTokens",
  ]);
  assertEquals(parsed.messages[0].feedback, null);
});

Deno.test("exportAllJson() writes every chat with its messages under `chats`", () => {
  const parsed = JSON.parse(
    exportAllJson([{ chat, messages: [message] }, { chat, messages: [] }], {
      now,
    }),
  );
  assertEquals(parsed.chats.length, 2);
  assertEquals(Object.keys(parsed.chats[0]), ["chat", "messages"]);
  assertEquals(parsed.chats[1].messages, []);
});

Deno.test("parseImport() imports a streaming message of chatai JSON as cancelled, with a warning", () => {
  const text = exportJson({
    chat,
    messages: [{ ...message, status: "streaming" }],
  }, { now });
  const { chats, warnings } = parseImport(bytes(text), "x.json", {
    lang: "id",
  });
  assertEquals(chats[0].messages[0].status, "cancelled");
  assertEquals(warnings, [
    "Pesan 1: jawaban ini masih ditulis saat diekspor, jadi diimpor sebagai dibatalkan.",
  ]);
});

Deno.test("parseImport() refuses chatai JSON of a newer version", () => {
  const text = exportJson({ chat, messages: [] }, { now }).replace(
    '"version": 1',
    '"version": 2',
  );
  try {
    parseImport(bytes(text), "x.json", { lang: "en" });
    throw new Error("expected a rejection");
  } catch (error) {
    assertEquals(
      (error as Error).message,
      "The file is a chatai export of version 2, but this app reads version 1. Update chatai and try again.",
    );
  }
});
