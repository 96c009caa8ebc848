import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { streamExportAll } from "@/lib/transfer/mod.ts";
import { t } from "@/lib/i18n/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { downloadResponse } from "@/lib/http/download.ts";

export const handler = {
  /** Every chat of the owner with its messages as one JSON download (`?format=json`, the default). */
  GET(_req, ctx) {
    const format = ctx.url.searchParams.get("format") ?? "json";
    if (format !== "json") {
      throw new ApiError(
        "invalid_request",
        t(ctx.state.lang, "transfer.all_json_only"),
      );
    }
    const chats = ctx.state.services.chats.exportEach(ctx.state.owner);
    return downloadResponse(streamExportAll(chats));
  },
} satisfies Handlers<unknown, AppState>;
