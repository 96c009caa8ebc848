import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { createChatBody } from "@/lib/chats/schemas.ts";
import { InvalidCursorError } from "@/lib/chats/store/mod.ts";
import { ApiError, json } from "@/lib/http/api.ts";
import { body } from "@/lib/http/route.ts";
import { t } from "@/lib/i18n/mod.ts";
import { admit } from "@/lib/http/owner_limit.ts";
import type { Chat } from "@/lib/chats/types.ts";
import { refuseUnknownModel } from "@/lib/chats/model_check.ts";

export const handler = {
  /**
   * The owner's chats, pinned first, then most recently updated; `?q=`
   * searches titles and content. Pages of `?limit=` (default and most 500);
   * `cursor` in the answer asks for the next page.
   */
  async GET(_req, ctx) {
    const { store } = ctx.state.services;
    const params = ctx.url.searchParams;
    const q = params.get("q")?.slice(0, 200) || undefined;
    const limit = Math.min(
      Math.max(Number(params.get("limit")) || 500, 1),
      500,
    );
    const cursor = params.get("cursor") ?? undefined;
    try {
      const page = await store.listChats(ctx.state.owner, { q, limit, cursor });
      return json({
        chats: page.chats,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new ApiError(
          "invalid_request",
          t(ctx.state.lang, "api.invalid", { detail: "cursor" }),
        );
      }
      throw error;
    }
  },

  /** Creates a chat; unset settings come from the owner's last used ones. */
  async POST(req, ctx) {
    const init = await body(req, ctx, createChatBody);
    const { models, config } = ctx.state.services;
    await refuseUnknownModel(init.model, {
      catalog: models,
      allowed: config.allowedModels,
      defaultModel: config.defaultModel,
      lang: ctx.state.lang,
    });
    let chat: Chat | undefined;
    await admit(async () => {
      chat = await ctx.state.services.chats.create(ctx.state, init);
    });
    return json({ chat }, { status: 201 });
  },

  /** Deletes every chat of the owner; needs `?confirm=all`. */
  async DELETE(_req, ctx) {
    if (ctx.url.searchParams.get("confirm") !== "all") {
      throw new ApiError(
        "invalid_request",
        t(ctx.state.lang, "api.confirm_all"),
      );
    }
    await ctx.state.services.chats.deleteAll(ctx.state.owner);
    return new Response(null, { status: 204 });
  },
} satisfies Handlers<unknown, AppState>;
