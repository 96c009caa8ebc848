import fc from "fast-check";
import { assertEquals } from "@/tests/assert.ts";
import { normalizeBody } from "./escape.ts";
import { exportAllJson, exportJson } from "./json.ts";
import { exportMarkdown } from "./markdown.ts";
import { parseImport } from "./import.ts";
import { asStored, bytes, chatExport, ZONES } from "./testing.ts";
import { formatStamp } from "./timestamp.ts";
import { cleanTitle } from "./titles.ts";
import { exportTxt } from "./txt.ts";
import type { ChatExport } from "./types.ts";

const now = new Date("2026-11-24T04:49:03Z");
const runs = { numRuns: 150 };

function reimport(
  text: string,
  filename: string,
  timeZone = "Asia/Jakarta",
): ChatExport[] {
  const { chats } = parseImport(bytes(text), filename, { timeZone, now });
  return chats.map(asStored);
}

Deno.test("JSON export → import gives back every field of the chat and its messages", () => {
  fc.assert(
    fc.property(chatExport(), (original) => {
      const text = exportJson(original, { now });
      const [back] = reimport(text, "x.json");
      assertEquals(back, original);
      assertEquals(exportJson(back, { now }), text);
    }),
    runs,
  );
});

Deno.test("JSON export of all chats → import → export is identical", () => {
  fc.assert(
    fc.property(fc.array(chatExport(), { maxLength: 4 }), (originals) => {
      fc.pre(originals.length > 0);
      const text = exportAllJson(originals, { now });
      const back = reimport(text, "all.json");
      assertEquals(back, originals);
      assertEquals(exportAllJson(back, { now }), text);
    }),
    { numRuns: 50 },
  );
});

for (
  const [name, ext, exporter] of [
    ["TXT", "txt", exportTxt],
    ["Markdown", "md", exportMarkdown],
  ] as const
) {
  Deno.test(`${name} export → import → export is identical, and roles and text survive`, () => {
    fc.assert(
      fc.property(
        chatExport(1),
        fc.constantFrom(...ZONES),
        (original, timeZone) => {
          const text = exporter(original, { timeZone });
          const [back] = reimport(text, `chat.${ext}`, timeZone);
          assertEquals(exporter(back, { timeZone }), text);
          assertEquals(back.messages.length, original.messages.length);
          back.messages.forEach((message, i) => {
            const source = original.messages[i];
            assertEquals(message.role, source.role);
            assertEquals(message.content, normalizeBody(source.content));
            assertEquals(
              formatStamp(message.createdAt, timeZone),
              formatStamp(source.createdAt, timeZone),
            );
          });
        },
      ),
      runs,
    );
  });
}

Deno.test("Markdown keeps the chat title through export and import", () => {
  fc.assert(
    fc.property(chatExport(1), (original) => {
      const [back] = reimport(
        exportMarkdown(original, { timeZone: "UTC" }),
        "x.md",
        "UTC",
      );
      assertEquals(back.chat.title, cleanTitle(original.chat.title) || "Chat");
    }),
    runs,
  );
});
