/**
 * The optional password gate (`APP_PASSWORD`): until a visitor signs in,
 * pages redirect to /login and the API answers 401. Signing in sets a signed
 * cookie bound to the password, so changing the password signs everyone out.
 */
import { setCookie, signToken, verifyToken } from "./session.ts";

/** The sign-in cookie's name (prefixed `__Host-` over https). */
export const AUTH_COOKIE = "chatai_auth";
/** How long a sign-in lasts: the cookie's max age, also checked by the server. */
export const AUTH_MAX_AGE_S = 30 * 86_400;
/** Paths open without signing in (static files and bundles are always open). */
export const OPEN_PATHS = new Set(["/login", "/healthz"]);

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(
    await crypto.subtle.digest("SHA-256", encoder.encode(text)),
  );
}

/** A stable, non-reversible tag of the password that the cookie carries. */
async function passwordTag(password: string): Promise<string> {
  const digest = await sha256(`chatai-gate:${password}`);
  return btoa(String.fromCharCode(...digest.slice(0, 18))).replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/** Compares a guess with the password in time that does not depend on where they differ. */
export async function passwordMatches(
  guess: string,
  password: string,
): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(guess), sha256(password)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** The cookie value of a signed-in visitor, signed for sign-in only. */
export async function signIn(
  password: string,
  key: CryptoKey,
  now = Date.now(),
): Promise<string> {
  return await signToken("sign-in", await passwordTag(password), now, key);
}

/** Whether a cookie value proves a sign-in with the current password, within its max age. */
export async function isSignedIn(
  value: string | undefined,
  password: string,
  keys: CryptoKey[],
  now = Date.now(),
): Promise<boolean> {
  const token = await verifyToken(value, keys, {
    purpose: "sign-in",
    maxAgeMs: AUTH_MAX_AGE_S * 1000,
    now,
  });
  return !!token && token.subject === await passwordTag(password);
}

/** The `Set-Cookie` value of a sign-in (`value` "" with max age 0 signs out). */
export function authCookie(value: string, secure: boolean): string {
  return setCookie({
    base: AUTH_COOKIE,
    value,
    maxAgeS: value ? AUTH_MAX_AGE_S : 0,
    secure,
  });
}

/** Control characters, spaces, backslashes and line separators: never in a `next`. */
// deno-lint-ignore no-control-regex
const UNSAFE_IN_NEXT = /[\x00-\x20\x7f-\x9f\\\u2028\u2029]/;
const PROBE_ORIGIN = "http://next.invalid";

/**
 * A `next` target that stays on this site: a path starting with a single
 * `/`, without control characters or backslashes, that parsed against this
 * site's origin still names it; anything else is `/`.
 */
export function safeNext(next: string | null | undefined): string {
  if (
    !next || next.length > 2048 || UNSAFE_IN_NEXT.test(next) ||
    !next.startsWith("/") || next.startsWith("//")
  ) {
    return "/";
  }
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PROBE_ORIGIN) return "/";
  return url.pathname + url.search + url.hash;
}
