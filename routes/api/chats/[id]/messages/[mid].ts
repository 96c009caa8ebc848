import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { selectAlternative } from "@/lib/chats/branch.ts";
import { messagePatchBody } from "@/lib/chats/schemas.ts";
import { ApiError, json } from "@/lib/http/api.ts";
import { body, ownChat } from "@/lib/http/route.ts";
import { t } from "@/lib/i18n/mod.ts";

export const handler = {
  /** Records a like or dislike, or makes an alternative answer the current one. */
  async PATCH(req, ctx) {
    const patch = await body(req, ctx, messagePatchBody);
    const chat = await ownChat(ctx);
    const { store } = ctx.state.services;
    const { owner, lang } = ctx.state;
    const mid = ctx.params.mid;
    if (!await store.getMessage(owner, chat.id, mid)) {
      throw new ApiError("not_found", t(lang, "api.message_not_found"));
    }
    if (patch.active && !await selectAlternative(store, owner, chat.id, mid)) {
      throw new ApiError("invalid_request", t(lang, "api.no_alternative"));
    }
    const message = patch.feedback === undefined
      ? await store.getMessage(owner, chat.id, mid)
      : await store.updateMessage(owner, chat.id, mid, {
        feedback: patch.feedback,
      });
    return json({ message });
  },
} satisfies Handlers<unknown, AppState>;
