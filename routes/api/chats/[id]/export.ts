import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { currentBranch } from "@/lib/chats/branch.ts";
import { isExportFormat, renderExport } from "@/lib/transfer/mod.ts";
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
    const messages = await ctx.state.services.store.listMessages(
      ctx.state.owner,
      chat.id,
    );
    // The current branch: alternative answers not chosen are left out.
    const branch = currentBranch(messages ?? []);
    const file = renderExport({ chat, messages: branch }, format, {
      timeZone: ctx.state.timeZone,
    });
    return downloadResponse(file);
  },
} satisfies Handlers<unknown, AppState>;
