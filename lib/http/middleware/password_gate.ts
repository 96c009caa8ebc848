import type { FreshContext } from "$fresh/server.ts";
import { getOurCookie } from "@/lib/http/cookies.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import {
  AUTH_COOKIE,
  isSignedIn,
  OPEN_PATHS,
} from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";
import { refusal } from "./refusal.ts";

/**
 * Middleware step: with APP_PASSWORD set, a visitor not signed in is sent to
 * `/login` (pages) or answered 401 (API); the login page and the health
 * check stay open.
 */
export async function passwordGate(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const { config, sessionKeys } = ctx.state.services;
  const password = config.appPassword;
  if (
    !password || OPEN_PATHS.has(ctx.url.pathname) ||
    await isSignedIn(
      getOurCookie(req.headers, AUTH_COOKIE, config.secureCookies).value,
      password,
      sessionKeys,
    )
  ) {
    return await ctx.next();
  }
  if (ctx.url.pathname.startsWith("/api/")) {
    return await refusal(req, ctx, {
      code: "unauthorized",
      message: t(ctx.state.lang, "api.unauthorized"),
    });
  }
  await req.body?.cancel();
  const next = encodeURIComponent(ctx.url.pathname + ctx.url.search);
  return seeOther(`/login?next=${next}`);
}
