/**
 * Which site may use the app. Cross-site request forgery: a request that
 * changes something must come from our own pages; browsers send `Origin`
 * (and `Sec-Fetch-Site`) with every unsafe request, and a request with
 * neither is not from a browser, so it carries no victim's cookies.
 * DNS rebinding: a page of another site whose name is made to point at this
 * server sends its own name as `Host` (and `Origin`), so the app answers
 * only the names that are its own: APP_URL's (and ALLOWED_ORIGINS'), names
 * the operator lists (ALLOWED_HOSTS), and names no one else can point here
 * (loopback; without APP_URL also IP literals and this machine's name).
 */
import { parseIp } from "./client_address.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins and host names the app is reached at. */
export interface OriginPolicy {
  /** APP_URL's origin, when it is set. */
  publicOrigin?: string;
  /** ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** ALLOWED_HOSTS, lower case. */
  allowedHosts: string[];
  /** This machine's own names, accepted while APP_URL is unset. */
  machineNames: string[];
}

/** This machine's host name (and its mDNS `.local` form), if readable. */
export function machineNames(): string[] {
  try {
    const name = Deno.hostname().toLowerCase();
    return name.endsWith(".local") ? [name] : [name, `${name}.local`];
  } catch {
    return [];
  }
}

const isLoopback = (hostname: string) => {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  const ip = parseIp(hostname);
  if (!ip) return false;
  return ip.length === 4
    ? ip[0] === 127
    : ip.every((b, i) => b === (i === 15 ? 1 : 0));
};

/** Whether the app answers to `hostname` (the request's `Host`, without port). */
export function isOwnHost(hostname: string, policy: OriginPolicy): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (isLoopback(name) || policy.allowedHosts.includes(name)) return true;
  const configured = [policy.publicOrigin, ...policy.allowedOrigins]
    .filter((o): o is string => !!o).map((o) => new URL(o).hostname);
  if (configured.includes(name)) return true;
  if (policy.publicOrigin) return false;
  return parseIp(name) !== null || policy.machineNames.includes(name);
}

/**
 * Whether `req` may change state: a safe method, or sent by one of the
 * app's origins: APP_URL's, ALLOWED_ORIGINS, or the request's own when its
 * `Host` is one of the app's (checked before, by `isOwnHost()`).
 */
export function isSameOriginRequest(
  req: Request,
  policy: OriginPolicy,
): boolean {
  if (SAFE.has(req.method)) return true;
  const origin = req.headers.get("Origin");
  if (origin !== null) {
    const own = new URL(req.url).origin;
    return origin === own || origin === policy.publicOrigin ||
      policy.allowedOrigins.includes(origin);
  }
  const site = req.headers.get("Sec-Fetch-Site");
  if (site !== null) return site === "same-origin";
  return true;
}
