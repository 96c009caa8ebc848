/**
 * Password hashing: argon2id from @noble/hashes with OWASP's first
 * recommended parameters (19 MiB of memory, 2 passes, 1 lane), stored in the
 * PHC string form so that stronger parameters can come later and older
 * hashes still verify. Also the rules a new password must pass.
 */
import { argon2idAsync } from "@noble/hashes/argon2.js";

/** OWASP Password Storage Cheat Sheet: m=19456 KiB, t=2, p=1. */
export const ARGON2_PARAMS = { m: 19456, t: 2, p: 1 } as const;
const HASH_BYTES = 32;
const SALT_BYTES = 16;

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longer ones are refused: hashing them costs time an attacker could waste. */
export const MAX_PASSWORD_LENGTH = 256;

const b64 = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
const unb64 = (text: string) =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) of `password`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const { m, t, p } = ARGON2_PARAMS;
  const hash = await argon2idAsync(password, salt, {
    m,
    t,
    p,
    dkLen: HASH_BYTES,
  });
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(hash)}`;
}

const PHC =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,88})\$([A-Za-z0-9+/]{32,88})$/;

/** Whether `password` matches the PHC string `stored`; false for a malformed one. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match || password.length > MAX_PASSWORD_LENGTH) return false;
  const [, m, t, p, salt, hash] = match;
  const expected = unb64(hash);
  const actual = await argon2idAsync(password, unb64(salt), {
    m: Number(m),
    t: Number(t),
    p: Number(p),
    dkLen: expected.length,
  });
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected[i] ^ actual[i];
  return diff === 0;
}

/** A hash to verify against when the username is unknown, so both take as long. */
let dummy: Promise<string> | undefined;
/** Spends the time of one verification (an unknown username). */
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword("not a password of anyone");
  await verifyPassword(password, await dummy);
}

/**
 * Passwords seen most in breaches (lower case): refused whatever their
 * length. Short, but it catches what attackers try first.
 */
const BREACHED = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "qwertyuiop",
  "1234567890",
  "12345678910",
  "0123456789",
  "1q2w3e4r5t",
  "qwerty123",
  "qwerty1234",
  "iloveyou",
  "iloveyou1",
  "sunshine",
  "princess",
  "football",
  "baseball",
  "welcome1",
  "welcome123",
  "dragon",
  "monkey",
  "letmein",
  "letmein123",
  "superman",
  "trustno1",
  "abcdefghij",
  "abc1234567",
  "1qaz2wsx3edc",
  "zaq12wsx",
  "admin12345",
  "administrator",
  "changeme",
  "changeme123",
  "111111111111",
  "0000000000",
  "1111111111",
  "aaaaaaaaaa",
  "qwertyuiop123",
  "katasandi",
  "katasandi123",
  "rahasia123",
  "indonesia",
  "indonesia123",
  "bismillah",
  "sayangku",
  "chatai123",
  "chataichatai",
]);

/** Why `password` is refused for `username`, or null when it is fine. */
export function passwordProblem(
  password: string,
  username: string,
): "short" | "long" | "common" | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "short";
  if (password.length > MAX_PASSWORD_LENGTH) return "long";
  const lower = password.toLowerCase();
  if (
    BREACHED.has(lower) || lower.includes(username.toLowerCase()) ||
    new Set(lower).size <= 2
  ) {
    return "common";
  }
  return null;
}
