import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { messagePatchBody } from "@/lib/chats/schemas.ts";
import { ApiError, json } from "@/lib/http/api.ts";
import { body, ownChat } from "@/lib/http/route.ts";
import { t } from "@/lib/i18n/mod.ts";

export const handler = {
  /** One message of the chat (its whole text, e.g. for Copy). */
  async GET(_req, ctx) {
    const chat = await ownChat(ctx);
    const message = await ctx.state.services.store.getMessage(
      ctx.state.owner,
      chat.id,
      ctx.params.mid,
    );
    if (!message) {
      throw new ApiError(
        "not_found",
        t(ctx.state.lang, "api.message_not_found"),
      );
    }
    return json({ message });
  },
  /** Records a like or dislike, or makes an alternative answer the current one. */
  async PATCH(req, ctx) {
    const patch = await body(req, ctx, messagePatchBody);
    const chat = await ownChat(ctx);
    const { owner, lang } = ctx.state;
    const result = await ctx.state.services.chats.changeMessage(
      { owner, chatId: chat.id, id: ctx.params.mid },
      patch,
    );
    if (result.ok) return json({ message: result.message });
    throw result.reason === "not_found"
      ? new ApiError("not_found", t(lang, "api.message_not_found"))
      : new ApiError("invalid_request", t(lang, "api.no_alternative"));
  },
} satisfies Handlers<unknown, AppState>;
