import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { patchChatBody } from "@/lib/chats/schemas.ts";
import { json } from "@/lib/http/api.ts";
import { body, ownChat } from "@/lib/http/route.ts";

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

  /** Renames, pins or changes the settings of the chat. */
  async PATCH(req, ctx) {
    const patch = await body(req, ctx, patchChatBody);
    const chat = await ctx.state.services.chats.update(
      ctx.state.owner,
      await ownChat(ctx),
      patch,
    );
    return json({ chat });
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
