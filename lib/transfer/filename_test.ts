import { assert, assertEquals } from "@/tests/assert.ts";
import { safeFilename } from "./filename.ts";

Deno.test("safeFilename() replaces characters no OS allows and collapses white space", () => {
  assertEquals(
    safeFilename('Apa itu AI? <"jawab">: a/b\\c|d*', "txt"),
    "Apa itu AI jawab a b c d.txt",
  );
  assertEquals(
    safeFilename("baris\nbaru\u0000\u202Eevil", "md"),
    "baris baru evil.md",
  );
});

Deno.test("safeFilename() keeps Unicode letters and emoji", () => {
  assertEquals(
    safeFilename("Résumé 日本語 😀🇮🇩", "json"),
    "Résumé 日本語 😀🇮🇩.json",
  );
});

Deno.test("safeFilename() drops leading dots and trailing dots and spaces", () => {
  assertEquals(safeFilename("..rahasia. ", "txt"), "rahasia.txt");
  assertEquals(safeFilename(" . ", "txt"), "chat.txt");
  assertEquals(safeFilename("", "md"), "chat.md");
});

Deno.test("safeFilename() suffixes Windows device names, whatever their case or extension", () => {
  assertEquals(safeFilename("CON", "txt"), "CON_.txt");
  assertEquals(safeFilename("nul.tar", "txt"), "nul.tar_.txt");
  assertEquals(safeFilename("com1", "md"), "com1_.md");
  assertEquals(safeFilename("Console", "md"), "Console.md");
});

Deno.test("safeFilename() limits the name to 100 characters and 200 bytes without splitting a character", () => {
  const long = safeFilename("a".repeat(500), "txt");
  assertEquals(long, `${"a".repeat(100)}.txt`);
  const flags = safeFilename("🇮🇩".repeat(100), "txt");
  assert(new TextEncoder().encode(flags).length <= 204);
  assertEquals(flags, `${"🇮🇩".repeat(25)}.txt`);
});
