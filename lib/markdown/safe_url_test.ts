import { assertEquals } from "@/tests/assert.ts";
import { safeUrl } from "./safe_url.ts";

Deno.test("http, https, mailto and relative URLs are kept", () => {
  for (
    const url of [
      "https://example.com/a?b=1#c",
      "http://example.com",
      "HTTPS://EXAMPLE.COM",
      "mailto:someone@example.com",
      "/chats/1",
      "page.html",
      "#section",
      "//example.com/x",
      "?q=1",
    ]
  ) assertEquals(safeUrl(url), url, url);
});

Deno.test("script, data and other schemes are dropped, however they are spelled", () => {
  for (
    const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "\u0001javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "jav&#x09;ascript:alert(1)",
      "jav&#9;ascript:alert(1)",
      "&#x6A;avascript:alert(1)",
      "&#0000106&#0000097vascript:alert(1)",
      "javascript&colon;alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "blob:https://example.com/x",
      "\ud800",
    ]
  ) assertEquals(safeUrl(url), null, JSON.stringify(url));
});

Deno.test("a kept URL is percent-encoded like marked does, without double encoding", () => {
  assertEquals(safeUrl("https://example.com/a b"), "https://example.com/a%20b");
  assertEquals(
    safeUrl("https://example.com/a%20b"),
    "https://example.com/a%20b",
  );
});
