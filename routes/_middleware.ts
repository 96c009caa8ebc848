import type { FreshContext } from "$fresh/server.ts";
import { getServices } from "@/lib/app.ts";
import { LANG_COOKIE, negotiateLang } from "@/lib/i18n/mod.ts";
import { getCookie } from "@/lib/http/cookies.ts";
import {
  newOwnerId,
  SESSION_COOKIE,
  sessionCookie,
  signSession,
  verifySession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";
import { timeZoneOf, TZ_COOKIE } from "@/lib/http/time_zone.ts";

const YEAR = 60 * 60 * 24 * 365;

/**
 * For every request: the app's services, the UI language, and the owner from
 * the signed session cookie (a new anonymous owner when there is no valid one).
 */
export async function handler(req: Request, ctx: FreshContext<AppState>) {
  const services = await getServices();
  ctx.state.services = services;
  const choice = ctx.url.searchParams.get("lang");
  const lang = negotiateLang(
    choice,
    getCookie(req.headers, LANG_COOKIE),
    req.headers.get("Accept-Language"),
  );
  ctx.state.lang = lang;
  ctx.state.timeZone = timeZoneOf(getCookie(req.headers, TZ_COOKIE)) ??
    services.config.appTimezone;
  if (ctx.destination !== "route" && ctx.destination !== "notFound") {
    return ctx.next();
  }
  const session = await verifySession(
    getCookie(req.headers, SESSION_COOKIE),
    services.sessionKeys,
  );
  ctx.state.owner = session?.owner ?? newOwnerId();
  const response = await ctx.next();
  if (!session || session.reissue) {
    const value = await signSession(
      ctx.state.owner,
      Date.now(),
      services.sessionKeys[0],
    );
    response.headers.append(
      "Set-Cookie",
      sessionCookie(value, ctx.url.protocol === "https:"),
    );
  }
  if (choice === lang) {
    response.headers.append(
      "Set-Cookie",
      `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${YEAR}; SameSite=Lax`,
    );
  }
  return response;
}
