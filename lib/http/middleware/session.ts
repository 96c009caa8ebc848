import type { FreshContext } from "$fresh/server.ts";
import { getOurCookie } from "@/lib/http/cookies.ts";
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
 * its cookie (re)issued with the answer, `Secure` and `__Host-` named when
 * APP_URL is https (whatever the request's own scheme behind a proxy).
 */
export async function session(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const { sessionKeys, config: { secureCookies } } = ctx.state.services;
  const cookie = getOurCookie(req.headers, SESSION_COOKIE, secureCookies);
  const current = await verifySession(cookie.value, sessionKeys);
  ctx.state.owner = current?.owner ?? newOwnerId();
  const response = await ctx.next();
  if (!current || current.reissue) {
    const value = await signSession(
      ctx.state.owner,
      Date.now(),
      sessionKeys[0],
    );
    response.headers.append("Set-Cookie", sessionCookie(value, secureCookies));
  }
  if (cookie.legacyName) {
    // Moved to the `__Host-` name: the old cookie is read this once.
    response.headers.append(
      "Set-Cookie",
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
    );
  }
  return response;
}
