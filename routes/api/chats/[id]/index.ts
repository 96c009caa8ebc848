import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { patchChatBody } from "@/lib/chats/schemas.ts";
import { refuseUnknownModel } from "@/lib/chats/model_check.ts";
import { ApiError, json } from "@/lib/http/api.ts";
import { body, ownChat } from "@/lib/http/route.ts";
import { admit } from "@/lib/http/owner_limit.ts";
import { t } from "@/lib/i18n/mod.ts";

export const handler = {
  /** The chat with all its messages. */
  async GET(_req, ctx) {
    const chat = await ownChat(ctx);
    await ctx.state.services.runner.repair(ctx.state.owner, chat.id);
    const messages = await ctx.state.services.store.listMessages(
      ctx.state.owner,
      chat.id,
    );
    return json({ chat, messages: messages ?? [] });
  },

  /**
   * Renames, pins or changes the settings of the chat. Settings chosen in an
   * unsaved new chat store it; a model the app does not offer is refused.
   */
  async PATCH(req, ctx) {
    const { store, chats, models, config } = ctx.state.services;
    const patch = await body(req, ctx, patchChatBody);
    let chat = await store.getChat(ctx.state.owner, ctx.params.id);
    await refuseUnknownModel(patch.model, {
      catalog: models,
      allowed: config.allowedModels,
      defaultModel: config.defaultModel,
      current: chat?.model,
      lang: ctx.state.lang,
    });
    if (!chat) {
      await admit(async () => {
        chat = await chats.storeDraft(ctx.state, ctx.params.id);
      });
    }
    if (!chat) {
      throw new ApiError("not_found", t(ctx.state.lang, "api.not_found"));
    }
    return json({ chat: await chats.update(ctx.state.owner, chat, patch) });
  },

  /** Deletes the chat and its messages. */
  async DELETE(_req, ctx) {
    const chat = await ownChat(ctx);
    await ctx.state.services.chats.delete({
      owner: ctx.state.owner,
      chatId: chat.id,
    });
    return new Response(null, { status: 204 });
  },
} satisfies Handlers<unknown, AppState>;
