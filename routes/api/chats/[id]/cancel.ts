import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { json } from "@/lib/http/api.ts";
import { ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Stops the running answer; its text so far is kept, marked cancelled. */
  async POST(_req, ctx) {
    const chat = await ownChat(ctx);
    const cancelled = await ctx.state.services.runner.cancel(
      ctx.state.owner,
      chat.id,
    );
    return json({ cancelled });
  },
} satisfies Handlers<unknown, AppState>;
