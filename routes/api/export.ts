import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { currentBranch } from "@/lib/chats/branch.ts";
import type { ChatExport } from "@/lib/transfer/mod.ts";
import { renderExportAll } from "@/lib/transfer/mod.ts";
import { t } from "@/lib/i18n/mod.ts";
import { ApiError } from "@/lib/http/api.ts";
import { downloadResponse } from "@/lib/http/download.ts";

/** Chats read per `listChats` call while collecting everything. */
const PAGE_SIZE = 500;

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
    const { store } = ctx.state.services;
    const owner = ctx.state.owner;
    const chats: ChatExport[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listChats(owner, { limit: PAGE_SIZE, cursor });
      for (const chat of page.chats) {
        // A chat deleted meanwhile lists no messages; it is left out.
        const messages = await store.listMessages(owner, chat.id);
        if (messages) chats.push({ chat, messages: currentBranch(messages) });
      }
      cursor = page.cursor;
    } while (cursor);
    const file = renderExportAll(chats, { timeZone: ctx.state.timeZone });
    return downloadResponse(file);
  },
} satisfies Handlers<unknown, AppState>;
