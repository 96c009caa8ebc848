import { assertEquals } from "@/tests/assert.ts";
import { escapeBody, normalizeBody, unescapeBody } from "./escape.ts";

const isRule = (line: string) => line === "---";

Deno.test("normalizeBody() drops leading blank lines, trailing white space, carriage returns and control characters", () => {
  assertEquals(normalizeBody(" \n\r\n  a\r\n\u0000b\t \n\n"), "  a\nb");
  assertEquals(normalizeBody("\n \n"), "");
});

Deno.test("escapeBody() adds one backslash to lines that read as structure once their backslashes are removed", () => {
  assertEquals(escapeBody("---\n\\---\n\\\\---\n\\x\n--- x", isRule), [
    "\\---",
    "\\\\---",
    "\\\\\\---",
    "\\x",
    "--- x",
  ]);
  assertEquals(escapeBody("", isRule), []);
});

Deno.test("unescapeBody() removes exactly one backslash from escaped structural lines only", () => {
  assertEquals(
    unescapeBody(["\\---", "\\\\---", "\\x", "\\", "C:\\"], isRule),
    "---\n\\---\n\\x\n\\\nC:\\",
  );
});
