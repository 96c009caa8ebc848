/**
 * Session signing keys. `SESSION_SECRET` may list several secrets separated
 * by commas: the first signs, the others are still accepted (a rotation's
 * grace period). Without it a secret is generated once and kept in KV, so
 * every instance on the same KV agrees on it.
 */
import { sessionSecretKey } from "@/lib/kv_keys.ts";
import { importSessionKey, newSessionSecret } from "./session.ts";

const SECRET_KEY = sessionSecretKey();

/** The keys to sign (first) and verify sessions with. */
export async function loadSessionKeys(
  kv: Deno.Kv,
  configured: string | undefined,
): Promise<CryptoKey[]> {
  const secrets = configured?.split(",").map((s) => s.trim()).filter(Boolean) ??
    [];
  if (secrets.length === 0) secrets.push(await storedSecret(kv));
  return await Promise.all(secrets.map(importSessionKey));
}

async function storedSecret(kv: Deno.Kv): Promise<string> {
  for (;;) {
    const current = await kv.get<string>(SECRET_KEY);
    if (current.value) return current.value;
    const secret = newSessionSecret();
    const result = await kv.atomic().check(current).set(SECRET_KEY, secret)
      .commit();
    if (result.ok) return secret;
  }
}

/**
 * The secret other keys are derived from when no dedicated one is set:
 * the first configured session secret, else the generated one in KV.
 */
export async function primarySessionSecret(
  kv: Deno.Kv,
  configured: string | undefined,
): Promise<string> {
  const first = configured?.split(",").map((s) => s.trim()).find(Boolean);
  return first ?? await storedSecret(kv);
}
