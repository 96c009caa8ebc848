import { json } from "@/lib/http/api.ts";
import { api, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Stops the running answer; its text so far is kept, marked cancelled. */
  POST: api(async (_req, ctx) => {
    const chat = await ownChat(ctx);
    const cancelled = await ctx.state.services.runner.cancel(
      ctx.state.owner,
      chat.id,
    );
    return json({ cancelled });
  }),
};
