import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** The "Delete all chats" form (confirmed in the browser first). */
  async POST(_req, ctx) {
    await ctx.state.services.chats.deleteAll(ctx.state.owner);
    return seeOther("/");
  },
} satisfies Handlers<unknown, AppState>;
