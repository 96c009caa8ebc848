import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { eventStreamResponse } from "@/lib/http/event_stream.ts";
import { ownChat } from "@/lib/http/route.ts";

export const handler = {
  /**
   * Re-attaches to the running answer from its current text; 204 when none
   * runs. An answer running on another instance is followed through KV.
   */
  async GET(_req, ctx) {
    const chat = await ownChat(ctx);
    const events = await ctx.state.services.runner.watch(
      ctx.state.owner,
      chat.id,
    );
    return events
      ? eventStreamResponse(events)
      : new Response(null, { status: 204 });
  },
} satisfies Handlers<unknown, AppState>;
