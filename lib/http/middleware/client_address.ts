import type { FreshContext } from "$fresh/server.ts";
import { clientAddress } from "@/lib/security/client_address.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * Middleware step: the client's address in `ctx.state` (the socket's peer,
 * or what a trusted proxy says in `X-Forwarded-For`), for limits that a
 * thrown-away cookie must not reset.
 */
export async function readClientAddress(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  ctx.state.clientAddress = clientAddress({
    peer: ctx.remoteAddr.hostname,
    forwardedFor: req.headers.get("X-Forwarded-For"),
    trustedProxies: ctx.state.services.config.trustedProxies,
  });
  return await ctx.next();
}
