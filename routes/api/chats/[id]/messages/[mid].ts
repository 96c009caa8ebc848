import { feedbackBody } from "@/lib/chats/schemas.ts";
import { ApiError, json } from "@/lib/http/api.ts";
import { api, body, ownChat } from "@/lib/http/route.ts";
import { t } from "@/lib/i18n/mod.ts";

export const handler = {
  /** Records the user's like or dislike of an answer. */
  PATCH: api(async (req, ctx) => {
    const { feedback } = await body(req, ctx, feedbackBody);
    const chat = await ownChat(ctx);
    const message = await ctx.state.services.store.updateMessage(
      ctx.state.owner,
      chat.id,
      ctx.params.mid,
      { feedback },
    );
    if (!message) {
      throw new ApiError(
        "not_found",
        t(ctx.state.lang, "api.message_not_found"),
      );
    }
    return json({ message });
  }),
};
