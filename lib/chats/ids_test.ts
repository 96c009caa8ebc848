import {
  assert,
  assertEquals,
  assertMatch,
  assertThrows,
} from "@/tests/assert.ts";
import { createIdFactory, ID_LENGTH, idTime, isId, newId } from "./ids.ts";

Deno.test("newId() gives 10,000 strictly increasing, unique ids in a tight loop", () => {
  const ids = Array.from({ length: 10_000 }, () => newId());
  for (let i = 1; i < ids.length; i++) {
    assert(ids[i - 1] < ids[i], `${ids[i - 1]} should sort before ${ids[i]}`);
  }
  assertEquals(new Set(ids).size, ids.length);
});

Deno.test("newId() gives URL-safe ids of fixed length", () => {
  const id = newId();
  assertEquals(id.length, ID_LENGTH);
  assertMatch(id, /^[0-9A-Z]+$/);
  assert(isId(id));
  assertEquals(encodeURIComponent(id), id);
});

Deno.test("ids sort by creation time and encode it", () => {
  let now = 1_700_000_000_000;
  const next = createIdFactory(() => now);
  const early = next();
  now += 1;
  const late = next();
  assert(early < late);
  assertEquals(idTime(early), 1_700_000_000_000);
  assertEquals(idTime(late), 1_700_000_000_001);
});

Deno.test("ids keep increasing when the clock steps back", () => {
  let now = 1_700_000_000_000;
  const next = createIdFactory(() => now);
  const first = next();
  now -= 5_000;
  const second = next();
  assert(first < second);
  assertEquals(idTime(second), 1_700_000_000_000);
});

Deno.test("idTime() rejects a string that is not an id", () => {
  assertThrows(() => idTime("not-an-id"), TypeError, "not a valid id");
  assertEquals(isId("../etc/passwd"), false);
});
