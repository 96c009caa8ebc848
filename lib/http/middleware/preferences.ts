import type { FreshContext } from "$fresh/server.ts";
import { getCookie } from "@/lib/http/cookies.ts";
import { timeZoneOf, TZ_COOKIE } from "@/lib/http/time_zone.ts";
import { LANG_COOKIE, negotiateLang } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";
import { THEME_COOKIE, themeOf } from "@/lib/theme.ts";

const YEAR_S = 60 * 60 * 24 * 365;

/**
 * Middleware step: the visitor's UI language (`?lang=`, then the cookie, then
 * Accept-Language), colour theme and time zone (else APP_TIMEZONE).
 */
export async function readPreferences(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  ctx.state.lang = negotiateLang(
    ctx.url.searchParams.get("lang"),
    getCookie(req.headers, LANG_COOKIE),
    req.headers.get("Accept-Language"),
  );
  ctx.state.theme = themeOf(getCookie(req.headers, THEME_COOKIE));
  ctx.state.timeZone = timeZoneOf(getCookie(req.headers, TZ_COOKIE)) ??
    ctx.state.services.config.appTimezone;
  return await ctx.next();
}

/** Middleware step: a language chosen with a valid `?lang=` is kept in a cookie for a year. */
export async function rememberLanguage(
  _req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const response = await ctx.next();
  const lang = ctx.state.lang;
  if (ctx.url.searchParams.get("lang") === lang) {
    response.headers.append(
      "Set-Cookie",
      `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${YEAR_S}; SameSite=Lax`,
    );
  }
  return response;
}
