/**
 * Signed cookies. The session cookie holds an owner id, the time it was
 * issued and an HMAC-SHA-256 over both and the cookie's purpose, so a
 * sign-in cookie never passes for a session. A cookie that is missing,
 * altered, signed with an unknown secret or older than its max age (checked
 * here, not left to the browser) gets a brand-new owner, never someone
 * else's.
 */

/** The session cookie's name (prefixed `__Host-` over https). */
export const SESSION_COOKIE = "chatai_session";
/** How long a session lives without a visit. */
export const SESSION_MAX_AGE_S = 400 * 24 * 60 * 60;
/** Re-issue the cookie when it is older than this, so active users never expire. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

const encoder = new TextEncoder();

/** The HMAC key for a secret. */
export function importSessionKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(
    /\//g,
    "_",
  ).replace(/=+$/, "");
}

/** A new random owner id (128 bits). */
export function newOwnerId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** A random secret for signing sessions (256 bits). */
export function newSessionSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** What a signed cookie is for: part of what its HMAC covers, so no type passes for another. */
export type TokenPurpose = "session" | "sign-in" | "account";

async function mac(
  key: CryptoKey,
  purpose: TokenPurpose | null,
  payload: string,
): Promise<string> {
  // Cookies signed before purposes existed covered the payload alone.
  const signed = purpose === null ? payload : `chatai/${purpose}\n${payload}`;
  const bytes = await crypto.subtle.sign("HMAC", key, encoder.encode(signed));
  return base64url(new Uint8Array(bytes));
}

/** A signed value `subject.issuedAt.mac` for `purpose`, issued at `issuedAt` (ms). */
export async function signToken(
  purpose: TokenPurpose,
  subject: string,
  issuedAt: number,
  key: CryptoKey,
): Promise<string> {
  const payload = `${subject}.${issuedAt.toString(36)}`;
  return `${payload}.${await mac(key, purpose, payload)}`;
}

/** The cookie value for `owner`, issued at `issuedAt` (ms). */
export function signSession(
  owner: string,
  issuedAt: number,
  key: CryptoKey,
): Promise<string> {
  return signToken("session", owner, issuedAt, key);
}

/** A verified token: its subject, when it was issued, and which key signed it. */
export interface Token {
  subject: string;
  issuedAt: number;
  /** 0 for the current key, more for an older one. */
  keyIndex: number;
}

/** How to check a token. */
export interface TokenCheck {
  /** The purpose it must have been signed for; null for the unlabelled legacy form. */
  purpose: TokenPurpose | null;
  /** Older than this, it has expired, whatever the browser kept. */
  maxAgeMs: number;
  now?: number;
}

/**
 * Checks a signed value against the current key and any previous keys
 * still in their grace period; null when it is altered, signed for another
 * purpose, or older than `maxAgeMs`.
 */
export async function verifyToken(
  value: string | undefined,
  keys: CryptoKey[],
  check: TokenCheck,
): Promise<Token | null> {
  const now = check.now ?? Date.now();
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [subject, issued, signature] = parts;
  const issuedAt = parseInt(issued, 36);
  if (
    !/^[\w-]{16,64}$/.test(subject) || !/^[0-9a-z]{1,12}$/.test(issued) ||
    !/^[\w-]{43}$/.test(signature) || !Number.isFinite(issuedAt)
  ) {
    return null;
  }
  if (issuedAt > now + 60_000 || now - issuedAt > check.maxAgeMs) return null;
  for (const [keyIndex, key] of keys.entries()) {
    const expected = await mac(key, check.purpose, `${subject}.${issued}`);
    if (sameText(expected, signature)) return { subject, issuedAt, keyIndex };
  }
  return null;
}

/** Compares two strings of equal length in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A verified session. */
export interface Session {
  owner: string;
  issuedAt: number;
  /** True when the cookie should be sent again (new, old, or signed with an older secret). */
  reissue: boolean;
}

/** Owner ids are 16 random bytes: 22 base64url characters (a sign-in tag has 24). */
const OWNER_ID = /^[\w-]{22}$/;

/**
 * Checks a session cookie value; null when it is not a valid, unexpired
 * session. A cookie from before cookies were signed per purpose is still
 * accepted when it names an owner id (never a sign-in cookie's tag), and
 * re-issued in the new form.
 */
export async function verifySession(
  value: string | undefined,
  keys: CryptoKey[],
  now = Date.now(),
): Promise<Session | null> {
  const maxAgeMs = SESSION_MAX_AGE_S * 1000;
  const token = await verifyToken(value, keys, {
    purpose: "session",
    maxAgeMs,
    now,
  });
  const legacy = token || !value ? null : await verifyToken(value, keys, {
    purpose: null,
    maxAgeMs,
    now,
  });
  const found = token ??
    (legacy && OWNER_ID.test(legacy.subject) ? legacy : null);
  if (!found) return null;
  const reissue = !token || found.keyIndex > 0 ||
    now - found.issuedAt > REFRESH_AFTER_MS;
  return { owner: found.subject, issuedAt: found.issuedAt, reissue };
}

/**
 * The name of cookie `base`: with the `__Host-` prefix when cookies are
 * Secure, which the browser then accepts only from this host over https,
 * for the whole site, never set by a subdomain.
 */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

/** What a cookie of ours is: its value, how long the browser keeps it, whether Secure. */
export interface CookieSpec {
  base: string;
  value: string;
  maxAgeS: number;
  secure: boolean;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure (and `__Host-`) over https. */
export function setCookie(spec: CookieSpec): string {
  const name = cookieName(spec.base, spec.secure);
  return `${name}=${spec.value}; Path=/; Max-Age=${spec.maxAgeS}; HttpOnly; SameSite=Lax${
    spec.secure ? "; Secure" : ""
  }`;
}

/** The `Set-Cookie` value of a session. */
export function sessionCookie(value: string, secure: boolean): string {
  return setCookie({
    base: SESSION_COOKIE,
    value,
    maxAgeS: SESSION_MAX_AGE_S,
    secure,
  });
}
