import { assertEquals } from "@/tests/assert.ts";
import { logText } from "./log_text.ts";

Deno.test("logText() escapes line breaks and terminal controls so no log line can be forged", () => {
  assertEquals(
    logText('bad "/\r\nX-Forged: 1\x1b[2J\u2028"'),
    'bad "/\\r\\nX-Forged: 1\\x1b[2J\\u2028"',
  );
  assertEquals(logText(new TypeError("a\nb")).split("\n").length, 1);
});
