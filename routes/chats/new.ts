import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** The "New chat" form: creates a chat and opens it. */
  async POST(_req, ctx) {
    const chat = await ctx.state.services.chats.create(ctx.state);
    return seeOther(`/chats/${chat.id}`);
  },
} satisfies Handlers<unknown, AppState>;
