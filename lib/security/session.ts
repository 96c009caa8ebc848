/**
 * Anonymous owners: the session cookie holds an owner id, the time it was
 * issued and an HMAC-SHA-256 over both. A cookie that is missing, altered,
 * signed with an unknown secret or too old gets a brand-new owner, never
 * someone else's.
 */

/** The session cookie's name. */
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

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[\w-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new random owner id (128 bits). */
export function newOwnerId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** A random secret for signing sessions (256 bits). */
export function newSessionSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The cookie value for `owner`, issued at `issuedAt` (ms). */
export async function signSession(
  owner: string,
  issuedAt: number,
  key: CryptoKey,
): Promise<string> {
  const payload = `${owner}.${issuedAt.toString(36)}`;
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(payload));
  return `${payload}.${base64url(new Uint8Array(mac))}`;
}

/** A verified session. */
export interface Session {
  owner: string;
  issuedAt: number;
  /** True when the cookie should be sent again (new, old, or signed with an older secret). */
  reissue: boolean;
}

/**
 * Checks a cookie value against the current key and any previous keys still
 * in their grace period; null when it is not a valid, unexpired session.
 */
export async function verifySession(
  value: string | undefined,
  keys: CryptoKey[],
  now = Date.now(),
): Promise<Session | null> {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [owner, issued, mac] = parts;
  const signature = fromBase64url(mac);
  const issuedAt = parseInt(issued, 36);
  if (
    !signature || !/^[\w-]{16,64}$/.test(owner) || !Number.isFinite(issuedAt)
  ) {
    return null;
  }
  if (issuedAt > now + 60_000 || now - issuedAt > SESSION_MAX_AGE_S * 1000) {
    return null;
  }
  const payload = encoder.encode(`${owner}.${issued}`);
  for (const [index, key] of keys.entries()) {
    if (
      await crypto.subtle.verify(
        "HMAC",
        key,
        signature as BufferSource,
        payload,
      )
    ) {
      const reissue = index > 0 || now - issuedAt > REFRESH_AFTER_MS;
      return { owner, issuedAt, reissue };
    }
  }
  return null;
}

/** The `Set-Cookie` value of a session: HttpOnly, SameSite=Lax, Secure over https. */
export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${SESSION_MAX_AGE_S}; HttpOnly; SameSite=Lax${
    secure ? "; Secure" : ""
  }`;
}
