/**
 * Encryption of stored OpenRouter keys: AES-256-GCM with a key derived by
 * HKDF-SHA-256 from a secret setting, a fresh 96-bit nonce per value, and
 * the account id as associated data, so a value copied to another account
 * does not decrypt.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A sealed value: nonce and ciphertext (with its tag), base64. */
export interface Sealed {
  iv: string;
  data: string;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The AES-GCM key of `secret` (KEY_ENCRYPTION_SECRET, or the session secret). */
export async function importEncryptionKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    "HKDF",
    false,
    ["deriveKey"],
  );
  return await crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: encoder.encode("chatai/key-encryption/v1"),
      info: encoder.encode("openrouter-keys"),
    },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** Encrypts `text` for `context` (the account id). */
export async function seal(
  key: CryptoKey,
  text: string,
  context: string,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(text),
  );
  return { iv: b64(iv), data: b64(new Uint8Array(data)) };
}

/** Decrypts a sealed value of `context`; null when it was altered or sealed for another. */
export async function unseal(
  key: CryptoKey,
  sealed: Sealed,
  context: string,
): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: unb64(sealed.iv),
        additionalData: encoder.encode(context),
      },
      key,
      unb64(sealed.data),
    );
    return decoder.decode(plain);
  } catch {
    return null;
  }
}
