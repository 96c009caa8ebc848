import type { FreshContext } from "$fresh/server.ts";
import { withSecurityHeaders } from "@/lib/security/headers.ts";
import type { AppState } from "@/lib/state.ts";

/** Middleware step: every answer carries the security headers (the CSP on HTML). */
export async function securityHeaders(
  _req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  return withSecurityHeaders(await ctx.next());
}
