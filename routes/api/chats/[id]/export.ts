import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { isExportFormat, streamExport } from "@/lib/transfer/mod.ts";
import { t } from "@/lib/i18n/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { downloadResponse } from "@/lib/http/download.ts";
import { ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** One chat as a download: `?format=json|txt|md` (default json), times in the user's zone. */
  async GET(_req, ctx) {
    const format = ctx.url.searchParams.get("format") ?? "json";
    if (!isExportFormat(format)) {
      throw new ApiError(
        "invalid_request",
        t(ctx.state.lang, "transfer.unknown_format", { format }),
      );
    }
    const chat = await ownChat(ctx);
    const exported = await ctx.state.services.chats.export({
      owner: ctx.state.owner,
      chatId: chat.id,
    }) ?? { chat, messages: [] };
    const file = streamExport(exported, format, {
      timeZone: ctx.state.timeZone,
    });
    return downloadResponse(file);
  },
} satisfies Handlers<unknown, AppState>;
