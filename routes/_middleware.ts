import type { FreshContext } from "$fresh/server.ts";
import { getServices } from "@/lib/app.ts";
import { LANG_COOKIE, negotiateLang } from "@/lib/i18n/mod.ts";
import { getCookie } from "@/lib/http/cookies.ts";
import type { AppState } from "@/lib/state.ts";

const YEAR = 60 * 60 * 24 * 365;

/** Picks the UI language and makes the app's services available to every route. */
export async function handler(req: Request, ctx: FreshContext<AppState>) {
  ctx.state.services = await getServices();
  const choice = ctx.url.searchParams.get("lang");
  const lang = negotiateLang(
    choice,
    getCookie(req.headers, LANG_COOKIE),
    req.headers.get("Accept-Language"),
  );
  ctx.state.lang = lang;
  const response = await ctx.next();
  if (choice === lang) {
    response.headers.append(
      "Set-Cookie",
      `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${YEAR}; SameSite=Lax`,
    );
  }
  return response;
}
