import { assert, assertEquals } from "@/tests/assert.ts";
import { importEncryptionKey, seal, unseal } from "./crypto.ts";

const SECRET = "a-test-key-encryption-secret-of-32+chars";

Deno.test("seal() and unseal() give the text back, and the sealed form does not hold it", async () => {
  const key = await importEncryptionKey(SECRET);
  const sealed = await seal(key, "sk-or-v1-personal-abcdef", "account-1");
  assert(!JSON.stringify(sealed).includes("sk-or-v1"));
  assertEquals(
    await unseal(key, sealed, "account-1"),
    "sk-or-v1-personal-abcdef",
  );
  const again = await seal(key, "sk-or-v1-personal-abcdef", "account-1");
  assert(again.iv !== sealed.iv, "every value gets its own nonce");
});

Deno.test("unseal() refuses a value of another account, an altered one, and another secret's", async () => {
  const key = await importEncryptionKey(SECRET);
  const sealed = await seal(key, "sk-or-v1-personal-abcdef", "account-1");
  assertEquals(await unseal(key, sealed, "account-2"), null);
  const bytes = atob(sealed.data);
  const flipped = btoa(
    String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1),
  );
  assertEquals(
    await unseal(key, { ...sealed, data: flipped }, "account-1"),
    null,
  );
  const other = await importEncryptionKey(SECRET + "-rotated");
  assertEquals(await unseal(other, sealed, "account-1"), null);
});
