import { renderExportAll } from "@/lib/transfer/mod.ts";
import { t } from "@/lib/i18n/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { api } from "@/lib/http/route.ts";

export const handler = {
  /** Every chat of the owner with its messages as one JSON download (`?format=json`, the default). */
  GET: api(async (_req, ctx) => {
    const format = ctx.url.searchParams.get("format") ?? "json";
    if (format !== "json") {
      throw new ApiError(
        "invalid_request",
        t(ctx.state.lang, "transfer.all_json_only"),
      );
    }
    const chats = await ctx.state.services.chats.exportAll(ctx.state.owner);
    const file = renderExportAll(chats, { timeZone: ctx.state.timeZone });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": file.contentDisposition,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }),
};
