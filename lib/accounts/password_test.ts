import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

Deno.test("hashPassword() stores argon2id with OWASP's parameters and a fresh salt", async () => {
  const [a, b] = await Promise.all([
    hashPassword("correct horse battery"),
    hashPassword("correct horse battery"),
  ]);
  assertMatch(
    a,
    /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
  );
  assert(a !== b, "two hashes of one password differ by their salt");
});

Deno.test("verifyPassword() accepts the password and refuses another, an altered hash and garbage", async () => {
  const stored = await hashPassword("correct horse battery");
  assertEquals(await verifyPassword("correct horse battery", stored), true);
  assertEquals(await verifyPassword("correct horse batterY", stored), false);
  const altered = stored.slice(0, -2) + (stored.endsWith("AA") ? "BB" : "AA");
  assertEquals(await verifyPassword("correct horse battery", altered), false);
  assertEquals(await verifyPassword("x", "not a hash"), false);
  assertEquals(await verifyPassword("x", ""), false);
});

Deno.test("passwordProblem() refuses short, breached, username-based and one-letter passwords", () => {
  assertEquals(passwordProblem("short", "ani"), "short");
  assertEquals(passwordProblem("Password123", "ani"), "common");
  assertEquals(passwordProblem("1234567890", "ani"), "common");
  assertEquals(passwordProblem("ani-is-my-name", "ani"), "common");
  assertEquals(passwordProblem("aaaaaaaaaaaaaa", "budi"), "common");
  assertEquals(passwordProblem("x".repeat(300), "budi"), "long");
  assertEquals(passwordProblem("correct horse battery", "budi"), null);
});
