import { assertEquals } from "@/tests/assert.ts";
import type { Chat } from "@/lib/chats/types.ts";
import { isExportFormat, renderExport, renderExportAll } from "./export.ts";

const chat = {
  id: "c1",
  title: "Resep: soto/rawon?",
  createdAt: "2024-05-01T10:00:00+07:00",
} as Chat;
const message = {
  id: "m1",
  role: "user" as const,
  content: "Hai",
  createdAt: "2024-05-01T03:20:30Z",
  status: "complete" as const,
};

Deno.test("renderExport() names the file after the title and sets the type per format", () => {
  const txt = renderExport({ chat, messages: [message] }, "txt", {
    timeZone: "Asia/Jakarta",
  });
  assertEquals(txt.body, "[2024-05-01 10:20:30] User: Hai\n");
  assertEquals(txt.filename, "Resep soto rawon.txt");
  assertEquals(txt.contentType, "text/plain; charset=utf-8");
  const md = renderExport({ chat, messages: [] }, "md");
  assertEquals(md.contentType, "text/markdown; charset=utf-8");
  assertEquals(md.filename, "Resep soto rawon.md");
  assertEquals(
    renderExport({ chat, messages: [] }, "json").filename,
    "Resep soto rawon.json",
  );
});

Deno.test("renderExport() writes TXT stamps in Asia/Jakarta when the zone is unknown", () => {
  const txt = renderExport({ chat, messages: [message] }, "txt", {
    timeZone: "Mars/Base",
  });
  assertEquals(txt.body, "[2024-05-01 10:20:30] User: Hai\n");
});

Deno.test("renderExportAll() names the file after the export day", () => {
  const file = renderExportAll([], { now: new Date("2026-11-24T04:49:03Z") });
  assertEquals(file.filename, "chatai-2026-11-24.json");
  assertEquals(JSON.parse(file.body).chats, []);
});

Deno.test("isExportFormat() accepts json, txt and md only", () => {
  assertEquals(["json", "txt", "md", "pdf", undefined].map(isExportFormat), [
    true,
    true,
    true,
    false,
    false,
  ]);
});
