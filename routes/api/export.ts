import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { renderExportAll } from "@/lib/transfer/mod.ts";
import { t } from "@/lib/i18n/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { downloadResponse } from "@/lib/http/download.ts";

export const handler = {
  /** Every chat of the owner with its messages as one JSON download (`?format=json`, the default). */
  async GET(_req, ctx) {
    const format = ctx.url.searchParams.get("format") ?? "json";
    if (format !== "json") {
      throw new ApiError(
        "invalid_request",
        t(ctx.state.lang, "transfer.all_json_only"),
      );
    }
    const chats = await ctx.state.services.chats.exportAll(ctx.state.owner);
    const file = renderExportAll(chats, { timeZone: ctx.state.timeZone });
    return downloadResponse(file);
  },
} satisfies Handlers<unknown, AppState>;
