import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Opens the most recent chat, or a new one. */
  async GET(_req, ctx) {
    const { chats } = await ctx.state.services.store.listChats(
      ctx.state.owner,
      { limit: 1 },
    );
    const chat = chats[0] ??
      await ctx.state.services.chats.create(ctx.state);
    return seeOther(`/chats/${chat.id}`);
  },
} satisfies Handlers<unknown, AppState>;
