/** What Fresh 1.x's `$fresh/runtime.ts` offers app code: `IS_BROWSER`, `asset()`, `useCSP`, `<Head>`, `<Partial>`. */

/** True in the browser, false while rendering on the server. */
export const IS_BROWSER = typeof document !== "undefined";

/** The build id that cache-busts static assets (set by the server and the islands runtime). */
function buildId(): string | undefined {
  return (globalThis as { __FRSH_BUILD_ID?: string }).__FRSH_BUILD_ID;
}

/**
 * Adds the build id to a static file's path so that it can be cached forever:
 * `asset("/styles.css")` → `/styles.css?__frsh_c=<build id>`.
 */
export function asset(path: string): string {
  const id = buildId();
  if (!id || !path.startsWith("/") || path.startsWith("//")) return path;
  const url = new URL(path, "http://localhost");
  if (url.searchParams.has("__frsh_c")) return path;
  url.searchParams.set("__frsh_c", id);
  return url.pathname + url.search + url.hash;
}

export {
  type ContentSecurityPolicy,
  type ContentSecurityPolicyDirectives,
  nonce,
  NONE,
  SELF,
  STRICT_DYNAMIC,
  UNSAFE_EVAL,
  UNSAFE_HASHES,
  UNSAFE_INLINE,
  useCSP,
} from "./src/csp.ts";
export { Head, type HeadProps } from "./src/head.ts";
export { Partial, type PartialProps } from "./src/partial.ts";
