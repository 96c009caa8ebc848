/** Invitation codes for SIGNUP=invite: made by an admin, used once, valid 7 days. */
import { inviteKey } from "@/lib/kv_keys.ts";

const INVITE_TTL_MS = 7 * 86_400_000;

/** A new invitation code. */
export async function createInvite(kv: Deno.Kv): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const code = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
  await kv.set(inviteKey(code), new Date().toISOString(), {
    expireIn: INVITE_TTL_MS,
  });
  return code;
}

/** The check that consumes `code` inside the account's commit, or null when it is not valid. */
export async function inviteCheck(
  kv: Deno.Kv,
  code: string,
): Promise<Deno.AtomicCheck | null> {
  if (!/^[0-9a-f]{24}$/.test(code)) return null;
  const entry = await kv.get(inviteKey(code));
  return entry.value
    ? { key: entry.key, versionstamp: entry.versionstamp }
    : null;
}
