import { assert, assertEquals } from "@/tests/assert.ts";
import { interpolate } from "./define.ts";
import { dictionary, negotiateLang, t } from "./mod.ts";

Deno.test("negotiateLang() prefers the explicit choice, then the cookie, then Accept-Language", () => {
  assertEquals(negotiateLang("en", "id", "id-ID"), "en");
  assertEquals(negotiateLang(null, "en", "id-ID"), "en");
  assertEquals(negotiateLang(null, "fr", "en-GB,en;q=0.9"), "en");
  assertEquals(negotiateLang("xx", undefined, "id-ID,id;q=0.9,en;q=0.8"), "id");
});

Deno.test("negotiateLang() ranks Accept-Language by quality and defaults to Indonesian", () => {
  assertEquals(negotiateLang(null, null, "en;q=0.4, id;q=0.8"), "id");
  assertEquals(negotiateLang(null, null, "fr-FR, en;q=0.5"), "en");
  assertEquals(negotiateLang(null, null, "fr-FR, de"), "id");
  assertEquals(negotiateLang(null, null, null), "id");
  assertEquals(negotiateLang(null, null, "en;q=0, id;q=0"), "id");
});

Deno.test("every UI string exists, non-empty, in both languages", () => {
  const en = dictionary("en"), id = dictionary("id");
  assertEquals(Object.keys(id).sort(), Object.keys(en).sort());
  for (const [key, value] of Object.entries({ ...en, ...id })) {
    assertEquals(
      typeof value === "string" && value.trim().length > 0,
      true,
      key,
    );
  }
});

Deno.test("t() translates and fills placeholders", () => {
  assertEquals(t("en", "chat.new"), "New chat");
  assertEquals(t("id", "chat.new"), "Obrolan baru");
  assertEquals(
    interpolate("Try again in {seconds} s", { seconds: 30 }),
    "Try again in 30 s",
  );
  assertEquals(interpolate("Keep {unknown}", {}), "Keep {unknown}");
});

Deno.test("interpolate() picks the word for the number: one for 1, other otherwise", () => {
  const done = (count: number) => t("en", "transfer.import_done", { count });
  assertEquals(done(1), "Imported 1 chat.");
  assertEquals(done(2), "Imported 2 chats.");
  assertEquals(done(0), "Imported 0 chats.");
  assertEquals(
    t("en", "import.warning.ignored_lines", { count: 1 }),
    "1 line outside any message was ignored.",
  );
  assertEquals(
    t("id", "transfer.import_done", { count: 1 }),
    "1 obrolan diimpor.",
  );
  assertEquals(interpolate("{n|item|items}", {}), "{n|item|items}");
});

Deno.test("no English string writes a plural as (s)", () => {
  for (const [key, text] of Object.entries(dictionary("en"))) {
    assert(!/\w\(s\)/.test(text), `${key}: ${text}`);
  }
});
