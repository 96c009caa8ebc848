import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { helpText, unknownCommandText } from "./help.ts";

Deno.test("helpText() lists every command with its aliases, one line each", () => {
  const lines = helpText("en").split("\n").filter((l) => l.startsWith("- "));
  assertEquals(lines, [
    "- `!help` (also `!bantuan`): shows this list",
    "- `!info_model`: shows details of this chat's model",
    "- `!waktu` (also `!time`): shows the current date and time",
    "- `!summarize_chat` (also `!ringkas`): summarizes this chat so far",
  ]);
});

Deno.test("helpText() is in Indonesian for id", () => {
  const text = helpText("id");
  assertStringIncludes(text, "**Perintah**");
  assertStringIncludes(
    text,
    "- `!waktu` (juga `!time`): menampilkan tanggal dan waktu sekarang",
  );
});

Deno.test("unknownCommandText() names the command and points to !help", () => {
  assertEquals(
    unknownCommandText("!hlep", "en"),
    "`!hlep` is not a command. Type `!help` to see the commands.",
  );
  assertEquals(
    unknownCommandText("!hlep", "id"),
    "`!hlep` bukan perintah. Ketik `!help` untuk melihat daftar perintah.",
  );
});

Deno.test("unknownCommandText() quotes backticks safely and shortens long commands", () => {
  assertStringIncludes(unknownCommandText("!a`b", "en"), "``!a`b``");
  assertStringIncludes(
    unknownCommandText(`!${"x".repeat(100)}`, "en"),
    `\`!${"x".repeat(39)}…\``,
  );
});
