import type { FreshContext } from "$fresh/server.ts";
import { t } from "@/lib/i18n/mod.ts";
import { isSameOriginRequest } from "@/lib/security/csrf.ts";
import type { AppState } from "@/lib/state.ts";
import { refusal } from "./refusal.ts";

/** Middleware step: a change sent from another site (CSRF) is refused with 403. */
export async function sameOrigin(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const origins = [
    ctx.url.origin,
    new URL(ctx.state.services.config.appUrl).origin,
  ];
  if (isSameOriginRequest(req, origins)) return await ctx.next();
  return await refusal(req, ctx, {
    code: "forbidden",
    message: t(ctx.state.lang, "api.forbidden_origin"),
  });
}
