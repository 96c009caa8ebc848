import type { FreshContext } from "$fresh/server.ts";
import { ApiError, apiErrorResponse } from "@/lib/http/api.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * The answer to a request the app will not serve: the API's JSON error under
 * `/api/`, plain text elsewhere. The request body is left unread.
 */
export async function refusal(
  req: Request,
  ctx: FreshContext<AppState>,
  refused: { code: "forbidden" | "unauthorized"; message: string },
): Promise<Response> {
  await req.body?.cancel();
  if (ctx.url.pathname.startsWith("/api/")) {
    return apiErrorResponse(new ApiError(refused.code, refused.message));
  }
  return new Response(refused.message, {
    status: refused.code === "forbidden" ? 403 : 401,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
