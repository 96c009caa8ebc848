import type { FreshContext } from "$fresh/server.ts";
import { ApiError, apiErrorResponse } from "@/lib/http/api.ts";
import { logText } from "@/lib/http/log_text.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * Middleware step of the API: an `ApiError` thrown by a route becomes its
 * JSON answer; any other error is logged and answered `internal`. The log
 * names the request and where the error arose, never the error's message,
 * which may quote what the user wrote. A route's error reaches this step as
 * the rejection of `ctx.next()`, in Fresh 1.x (since 1.3) as in our layer;
 * only errors no middleware handles render `_500`.
 */
export async function apiErrors(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  try {
    return await ctx.next();
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    console.error(
      logText(
        `API error on ${req.method} ${ctx.url.pathname}: ${describe(error)}`,
      ),
    );
    return apiErrorResponse(
      new ApiError("internal", t(ctx.state.lang, "api.internal")),
    );
  }
}

/** The error's class and stack frames, without its message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? "").split("\n")
    .filter((line) => /^\s+at /.test(line));
  return [error.name, ...frames].join("\n");
}
