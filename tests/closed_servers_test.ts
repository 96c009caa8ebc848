import { assertEquals } from "./assert.ts";
import { markServerClosed, serverClosed } from "./closed_servers.ts";

Deno.test("serverClosed() knows only the origins a test closed, any path of them", () => {
  markServerClosed("http://127.0.0.1:41001");
  assertEquals(
    serverClosed("http://127.0.0.1:41001/_frsh/js/a/chunk.js"),
    true,
  );
  assertEquals(
    serverClosed("http://127.0.0.1:41002/_frsh/js/a/chunk.js"),
    false,
  );
  assertEquals(serverClosed("https://127.0.0.1:41001/"), false);
  // A console error without a location has an empty URL.
  assertEquals(serverClosed(""), false);
});
