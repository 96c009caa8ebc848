import { assertEquals } from "@/tests/assert.ts";
import { parseImport } from "./import.ts";
import { bytes } from "./testing.ts";

const read = (text: string) =>
  parseImport(bytes(text), undefined, {
    timeZone: "Asia/Jakarta",
    now: new Date("2026-11-24T04:49:03Z"),
    lang: "en",
  });

const node = (
  id: string,
  parent: string | null,
  role: string,
  text: string,
  children: string[] = [],
) => ({
  id,
  parent,
  children,
  message: {
    id,
    author: { role },
    create_time: id === "a1" ? 1714539999 : 1714533600,
    content: { content_type: "text", parts: [text] },
  },
});
const conversation = {
  title: "Cabang",
  create_time: 1714533600,
  current_node: "b2",
  mapping: {
    r: node("r", null, "user", "Pertanyaan", ["a1", "b1"]),
    a1: node("a1", "r", "assistant", "Jawaban lama", []),
    b1: node("b1", "r", "assistant", "Jawaban baru", ["b2"]),
    b2: node("b2", "b1", "user", "Lanjut", []),
  },
};

Deno.test("parseImport() follows the current branch of a ChatGPT conversation", () => {
  const [chat] = read(JSON.stringify([conversation])).chats;
  assertEquals(chat.messages.map((m) => m.content), [
    "Pertanyaan",
    "Jawaban baru",
    "Lanjut",
  ]);
});

Deno.test("parseImport() follows the newest leaf of a ChatGPT conversation without current_node, and survives a parent cycle", () => {
  const { current_node: _, ...withoutCurrent } = conversation;
  const [fallback] = read(JSON.stringify(withoutCurrent)).chats;
  assertEquals(fallback.messages.map((m) => m.content), [
    "Pertanyaan",
    "Jawaban lama",
  ]);
  const cyclic = {
    ...conversation,
    mapping: {
      ...conversation.mapping,
      r: { ...conversation.mapping.r, parent: "b2" },
    },
  };
  assertEquals(read(JSON.stringify([cyclic])).chats[0].messages.length, 3);
});
