import { eventStreamResponse } from "@/lib/generation/generation.ts";
import { api, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Re-attaches to the running answer from its current text; 204 when none runs. */
  GET: api(async (_req, ctx) => {
    const chat = await ownChat(ctx);
    const generation = ctx.state.services.runner.get(ctx.state.owner, chat.id);
    if (!generation || generation.finished) {
      return new Response(null, { status: 204 });
    }
    return eventStreamResponse(generation.watch());
  }),
};
