import { assert, assertEquals } from "@/tests/assert.ts";
import { contentDisposition, safeFilename } from "./filename.ts";

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

Deno.test("contentDisposition() gives an ASCII filename and the exact UTF-8 filename*", () => {
  assertEquals(
    contentDisposition("Résumé (1) 日本.txt"),
    `attachment; filename="Resume (1) _.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%281%29%20%E6%97%A5%E6%9C%AC.txt`,
  );
  assertEquals(
    contentDisposition("日本語.md"),
    `attachment; filename="chat.md"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.md`,
  );
});
