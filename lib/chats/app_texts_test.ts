import { assertEquals } from "@/tests/assert.ts";
import { t } from "@/lib/i18n/mod.ts";
import { shownError, shownTitle } from "./app_texts.ts";

Deno.test("shownTitle() shows an Indonesian 'Obrolan baru' as 'New chat' in the English UI", () => {
  assertEquals(shownTitle({ title: "Obrolan baru" }, "en"), "New chat");
  assertEquals(shownTitle({ title: "New chat" }, "id"), "Obrolan baru");
});

Deno.test("shownTitle() keeps a title the user or the model gave", () => {
  assertEquals(shownTitle({ title: "Resep rendang" }, "en"), "Resep rendang");
});

Deno.test("shownError() translates the app's own error text and keeps a detailed one", () => {
  const stored = { code: "bad_key", message: t("id", "upstream.bad_key") };
  assertEquals(shownError(stored, "en").message, t("en", "upstream.bad_key"));
  const detailed = { code: "bad_request", message: "The model refused: x." };
  assertEquals(shownError(detailed, "id"), detailed);
  const unknown = { code: "weird", message: "Aneh" };
  assertEquals(shownError(unknown, "en"), unknown);
});
