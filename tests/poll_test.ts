import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { pollUntil } from "./poll.ts";

Deno.test("pollUntil() returns the first value the check gives", async () => {
  let calls = 0;
  const value = await pollUntil(() => ++calls >= 3 && `call ${calls}`, {
    what: "the third call",
    everyMs: 1,
  });
  assertEquals(value, "call 3");
});

Deno.test("pollUntil() fails after its timeout, naming what it waited for", async () => {
  await assertRejects(
    () =>
      pollUntil(() => false, { what: "a flush", timeoutMs: 30, everyMs: 5 }),
    Error,
    "Timed out after 30 ms waiting for a flush",
  );
});
