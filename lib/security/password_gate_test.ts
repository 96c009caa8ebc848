import { assert, assertEquals } from "@/tests/assert.ts";
import { importSessionKey } from "./session.ts";
import {
  isSignedIn,
  passwordMatches,
  safeNext,
  signIn,
} from "./password_gate.ts";

const key = await importSessionKey("s".repeat(32));

Deno.test("passwordMatches() accepts only the exact password", async () => {
  assert(await passwordMatches("rahasia-sekali", "rahasia-sekali"));
  assert(!await passwordMatches("rahasia-sekal", "rahasia-sekali"));
  assert(!await passwordMatches("", "rahasia-sekali"));
});

Deno.test("a sign-in cookie is valid for its password only, and not when altered", async () => {
  const cookie = await signIn("rahasia-sekali", key);
  assert(await isSignedIn(cookie, "rahasia-sekali", [key]));
  assert(
    !await isSignedIn(cookie, "new-password!", [key]),
    "changing the password signs everyone out",
  );
  assert(
    !await isSignedIn(cookie.slice(0, -3) + "xyz", "rahasia-sekali", [key]),
  );
  assert(!await isSignedIn(undefined, "rahasia-sekali", [key]));
});

Deno.test("safeNext() keeps redirects on this site", () => {
  assertEquals(safeNext("/chats/1"), "/chats/1");
  assertEquals(safeNext("//evil.example"), "/");
  assertEquals(safeNext("/\\evil.example"), "/");
  assertEquals(safeNext("https://evil.example"), "/");
  assertEquals(safeNext(null), "/");
  assertEquals(safeNext("/\t/evil.example"), "/");
  assertEquals(safeNext("/a\nb"), "/");
  assertEquals(safeNext("/chats/1?x=2#m"), "/chats/1?x=2#m");
});
