import { assert } from "@/tests/assert.ts";
import { draftId, isDraftId } from "./draft_ids.ts";
import { isId, newId } from "./ids.ts";

const key = await crypto.subtle.importKey(
  "raw",
  new TextEncoder().encode("d".repeat(32)),
  { name: "HMAC", hash: "SHA-256" },
  false,
  ["sign"],
);

Deno.test("a draft id is an id that only its owner's check accepts", async () => {
  const id = await draftId(key, "ana");
  assert(isId(id));
  assert(await isDraftId(key, "ana", id));
  assert(!await isDraftId(key, "budi", id), "another owner");
  assert(!await isDraftId(key, "ana", newId()), "an ordinary id");
});
