import { assertEquals } from "@/tests/assert.ts";
import { parseCommand } from "./parse.ts";

Deno.test("parseCommand() ignores case and surrounding spaces", () => {
  assertEquals(parseCommand("  !HELP \n"), {
    name: "help",
    raw: "!HELP",
    args: "",
  });
  assertEquals(parseCommand("!Info_Model")?.name, "info_model");
  assertEquals(parseCommand("!waktu")?.name, "waktu");
  assertEquals(parseCommand("!summarize_chat")?.name, "summarize_chat");
});

Deno.test("parseCommand() maps the aliases !bantuan, !time and !ringkas", () => {
  assertEquals(parseCommand("!bantuan")?.name, "help");
  assertEquals(parseCommand("!TIME")?.name, "waktu");
  assertEquals(parseCommand("!ringkas")?.name, "summarize_chat");
});

Deno.test("parseCommand() keeps the words after the command as args", () => {
  assertEquals(parseCommand("!ringkas  singkat saja "), {
    name: "summarize_chat",
    raw: "!ringkas",
    args: "singkat saja",
  });
});

Deno.test("parseCommand() calls any other !word unknown and keeps it as typed", () => {
  assertEquals(parseCommand("!hlep tolong"), {
    name: "unknown",
    raw: "!hlep",
    args: "tolong",
  });
  assertEquals(parseCommand("!"), { name: "unknown", raw: "!", args: "" });
  assertEquals(parseCommand("!helpme")?.name, "unknown");
});

Deno.test("parseCommand() returns null for a message that does not start with !", () => {
  assertEquals(parseCommand("Halo !help"), null);
  assertEquals(parseCommand(""), null);
  assertEquals(parseCommand("   "), null);
});
