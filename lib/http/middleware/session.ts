import type { FreshContext } from "$fresh/server.ts";
import { getCookie } from "@/lib/http/cookies.ts";
import {
  newOwnerId,
  SESSION_COOKIE,
  sessionCookie,
  signSession,
  verifySession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * Middleware step: the owner from the signed session cookie, or a new
 * anonymous owner when there is no valid one; a new or ageing session gets
 * its cookie (re)issued with the answer.
 */
export async function session(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const { sessionKeys } = ctx.state.services;
  const current = await verifySession(
    getCookie(req.headers, SESSION_COOKIE),
    sessionKeys,
  );
  ctx.state.owner = current?.owner ?? newOwnerId();
  const response = await ctx.next();
  if (!current || current.reissue) {
    const value = await signSession(
      ctx.state.owner,
      Date.now(),
      sessionKeys[0],
    );
    response.headers.append(
      "Set-Cookie",
      sessionCookie(value, ctx.url.protocol === "https:"),
    );
  }
  return response;
}
