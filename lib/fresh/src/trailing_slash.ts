/**
 * Fresh 1.x's canonical URLs. By default a path has no trailing slash:
 * `/about/` answers 307 to `/about`. With `router: { trailingSlash: true }`
 * every page path ends in one: `/about` answers 308 to `/about/`, except file
 * names (a `.` in the last segment) and the layer's own `/_frsh/` URLs.
 */

/** Fresh's own URLs (bundles and the like), never redirected. */
const INTERNAL_PREFIX = "/_frsh";

/** The path with runs of slashes made one (`//a///b` → `/a/b`), as Fresh routes it. */
export function collapseSlashes(pathname: string): string {
  return pathname.replaceAll(/\/+/g, "/");
}

/** The redirect to the canonical form of `url`, or null when it already is. */
export function slashRedirect(
  url: URL,
  trailingSlash = false,
): Response | null {
  const path = url.pathname;
  if (!trailingSlash) {
    if (path.length <= 1 || !path.endsWith("/")) return null;
    // Relative, as Fresh sends it: the client keeps scheme, host and port.
    return new Response(null, {
      status: 307,
      headers: { Location: path.replace(/\/+$/, "") + url.search },
    });
  }
  if (path.endsWith("/")) return null;
  const isFile = path.split("/").at(-1)!.includes(".");
  if (isFile || path.startsWith(INTERNAL_PREFIX)) return null;
  const to = new URL(url);
  to.pathname = path + "/";
  return Response.redirect(to, 308);
}

/** A route pattern as it matches when every page path ends in a slash. */
export function withTrailingSlash(pattern: string): string {
  return pattern === "/" || pattern.endsWith("/") ? pattern : pattern + "/";
}
