import type { FreshContext } from "$fresh/server.ts";
import { t } from "@/lib/i18n/mod.ts";
import {
  isOwnHost,
  isSameOriginRequest,
  machineNames,
  type OriginPolicy,
} from "@/lib/security/csrf.ts";
import type { AppState } from "@/lib/state.ts";
import { refusal } from "./refusal.ts";

let names: string[] | undefined;

/**
 * Middleware step: a request to a host name that is not the app's (DNS
 * rebinding) and a change sent from another site (CSRF) are refused with 403.
 */
export async function sameOrigin(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const { config } = ctx.state.services;
  const policy: OriginPolicy = {
    publicOrigin: config.publicOrigin,
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
    machineNames: names ??= machineNames(),
  };
  if (!isOwnHost(ctx.url.hostname.replace(/^\[(.*)\]$/, "$1"), policy)) {
    return await refusal(req, ctx, {
      code: "forbidden",
      message: t(ctx.state.lang, "api.forbidden_host"),
    });
  }
  if (isSameOriginRequest(req, policy)) return await ctx.next();
  return await refusal(req, ctx, {
    code: "forbidden",
    message: t(ctx.state.lang, "api.forbidden_origin"),
  });
}
