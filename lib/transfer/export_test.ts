import fc from "fast-check";
import { assert, assertEquals } from "@/tests/assert.ts";
import type { Chat } from "@/lib/chats/types.ts";
import {
  isExportFormat,
  renderExport,
  renderExportAll,
  streamExport,
  streamExportAll,
} from "./export.ts";
import { chatExport } from "./testing.ts";

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

Deno.test("streamExportAll() sends exactly renderExportAll()'s file, chat by chat", async () => {
  const now = new Date("2025-03-04T05:06:07Z");
  await fc.assert(
    fc.asyncProperty(
      fc.array(chatExport(), { maxLength: 4 }),
      async (chats) => {
        async function* each() {
          yield* chats;
        }
        const streamed = streamExportAll(each(), { now });
        const whole = renderExportAll(chats, { now });
        assertEquals(await new Response(streamed.body).text(), whole.body);
        assertEquals(streamed.filename, whole.filename);
        assertEquals(streamed.contentType, whole.contentType);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("streamExport() sends a 1 MB chat in pieces that join to renderExport()'s file", async () => {
  const long = "😀 baris panjang\n".repeat(70_000);
  const data = {
    chat: {
      id: "c",
      title: "Panjang",
      titleFixed: true,
      pinned: false,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
      model: "m",
      persona: "general",
      systemPrompt: "",
      temperature: 0.7,
      contextMessages: 6,
    },
    messages: [{
      id: "m",
      role: "assistant" as const,
      content: long,
      createdAt: "2025-01-01T00:00:00.000Z",
      status: "complete" as const,
    }],
  };
  for (const format of ["json", "txt", "md"] as const) {
    const options = { timeZone: "UTC", now: new Date("2025-02-02T00:00:00Z") };
    const streamed = streamExport(data, format, options);
    let pieces = 0;
    const reader = streamed.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pieces++;
      chunks.push(value as Uint8Array<ArrayBuffer>);
    }
    assert(pieces > 10, `${format} came in ${pieces} pieces`);
    const text = await new Blob(chunks).text();
    assertEquals(text, renderExport(data, format, options).body);
  }
});
