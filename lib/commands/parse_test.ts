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

Deno.test("parseCommand() calls a lone !word close to a command unknown, so the hint shows", () => {
  assertEquals(parseCommand("!hlep"), {
    name: "unknown",
    raw: "!hlep",
    args: "",
  });
  assertEquals(parseCommand(" !Wakut ")?.name, "unknown");
  assertEquals(parseCommand("!sumarize_chat")?.name, "unknown");
});

Deno.test("parseCommand() leaves any other message starting with ! to the model", () => {
  assertEquals(parseCommand("!Penting: besok rapat jam 9"), null);
  assertEquals(
    parseCommand("!hlep tolong"),
    null,
    "a near word with more text",
  );
  assertEquals(parseCommand("!!!"), null);
  assertEquals(parseCommand("!"), null);
  assertEquals(
    parseCommand("!Penting"),
    null,
    "a lone word far from any command",
  );
});

Deno.test("parseCommand() returns null for a message that does not start with !", () => {
  assertEquals(parseCommand("Halo !help"), null);
  assertEquals(parseCommand(""), null);
  assertEquals(parseCommand("   "), null);
});
