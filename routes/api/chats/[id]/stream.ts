import { eventStreamResponse } from "@/lib/http/event_stream.ts";
import { api, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /**
   * Re-attaches to the running answer from its current text; 204 when none
   * runs. An answer running on another instance is followed through KV.
   */
  GET: api(async (_req, ctx) => {
    const chat = await ownChat(ctx);
    const events = await ctx.state.services.runner.watch(
      ctx.state.owner,
      chat.id,
    );
    return events
      ? eventStreamResponse(events)
      : new Response(null, { status: 204 });
  }),
};
