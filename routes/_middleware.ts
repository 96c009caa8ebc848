import type { FreshContext } from "$fresh/server.ts";
import { getServices } from "@/lib/app.ts";
import { ApiError, apiErrorResponse } from "@/lib/http/api.ts";
import { getCookie } from "@/lib/http/cookies.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { timeZoneOf, TZ_COOKIE } from "@/lib/http/time_zone.ts";
import { LANG_COOKIE, negotiateLang, t } from "@/lib/i18n/mod.ts";
import { isSameOriginRequest } from "@/lib/security/csrf.ts";
import { withSecurityHeaders } from "@/lib/security/headers.ts";
import {
  AUTH_COOKIE,
  isSignedIn,
  OPEN_PATHS,
} from "@/lib/security/password_gate.ts";
import {
  newOwnerId,
  SESSION_COOKIE,
  sessionCookie,
  signSession,
  verifySession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";
import { THEME_COOKIE, themeOf } from "@/lib/theme.ts";

const YEAR = 60 * 60 * 24 * 365;

/**
 * For every request: the app's services, the UI language and time zone, the
 * security headers; for pages and API routes also the same-origin check for
 * changes, the password gate, and the owner from the signed session cookie
 * (a new anonymous owner when there is no valid one).
 */
export async function handler(req: Request, ctx: FreshContext<AppState>) {
  const services = await getServices();
  const { config, sessionKeys } = services;
  ctx.state.services = services;
  const choice = ctx.url.searchParams.get("lang");
  const lang = negotiateLang(
    choice,
    getCookie(req.headers, LANG_COOKIE),
    req.headers.get("Accept-Language"),
  );
  ctx.state.lang = lang;
  ctx.state.theme = themeOf(getCookie(req.headers, THEME_COOKIE));
  ctx.state.timeZone = timeZoneOf(getCookie(req.headers, TZ_COOKIE)) ??
    config.appTimezone;
  if (ctx.destination !== "route" && ctx.destination !== "notFound") {
    return withSecurityHeaders(await ctx.next());
  }
  const isApi = ctx.url.pathname.startsWith("/api/");
  const refuse = (code: "forbidden" | "unauthorized", message: string) =>
    withSecurityHeaders(
      isApi
        ? apiErrorResponse(new ApiError(code, message))
        : new Response(message, {
          status: code === "forbidden" ? 403 : 401,
          headers: { "Content-Type": "text/plain; charset=utf-8" },
        }),
    );

  const origins = [ctx.url.origin, new URL(config.appUrl).origin];
  if (!isSameOriginRequest(req, origins)) {
    await req.body?.cancel();
    return refuse("forbidden", t(lang, "api.forbidden_origin"));
  }
  const password = config.appPassword;
  if (
    password && !OPEN_PATHS.has(ctx.url.pathname) &&
    !await isSignedIn(
      getCookie(req.headers, AUTH_COOKIE),
      password,
      sessionKeys,
    )
  ) {
    await req.body?.cancel();
    if (isApi) return refuse("unauthorized", t(lang, "api.unauthorized"));
    const next = encodeURIComponent(ctx.url.pathname + ctx.url.search);
    return withSecurityHeaders(seeOther(`/login?next=${next}`));
  }

  const session = await verifySession(
    getCookie(req.headers, SESSION_COOKIE),
    sessionKeys,
  );
  ctx.state.owner = session?.owner ?? newOwnerId();
  const response = await ctx.next();
  if (!session || session.reissue) {
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
  if (choice === lang) {
    response.headers.append(
      "Set-Cookie",
      `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${YEAR}; SameSite=Lax`,
    );
  }
  return withSecurityHeaders(response);
}
