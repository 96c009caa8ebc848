import type { FreshContext } from "$fresh/server.ts";
import { withSecurityHeaders } from "@/lib/security/headers.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * Middleware step: every answer carries the security headers (the CSP on
 * HTML, HSTS when APP_URL is https); pages and API answers are kept by no
 * cache and vary by cookie, since they may carry a person's data.
 */
export async function securityHeaders(
  _req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const response = await ctx.next();
  return withSecurityHeaders(response, {
    https: ctx.state.services?.config.secureCookies,
    personal: ctx.destination === "route" || ctx.destination === "notFound",
  });
}
