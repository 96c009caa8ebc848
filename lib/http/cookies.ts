/** Reads the value of cookie `name` from request headers. */
export function getCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get("Cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The value of our cookie `base`: under its `__Host-` name when cookies are
 * Secure, else (also while moving to that name) under the plain name.
 */
export function getOurCookie(
  headers: Headers,
  base: string,
  secure: boolean,
): { value: string | undefined; legacyName: boolean } {
  const value = secure ? getCookie(headers, `__Host-${base}`) : undefined;
  if (value !== undefined) return { value, legacyName: false };
  const plain = getCookie(headers, base);
  return { value: plain, legacyName: secure && plain !== undefined };
}
