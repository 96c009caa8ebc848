import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { actorOf } from "@/lib/actor.ts";
import { regenerate } from "@/lib/generation/turn.ts";
import { eventStreamResponse } from "@/lib/http/event_stream.ts";
import { ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Replaces the last answer with a new one, streamed. */
  async POST(_req, ctx) {
    const chat = await ownChat(ctx);
    const turn = { ...actorOf(ctx.state), chat };
    return eventStreamResponse(await regenerate(turn));
  },
} satisfies Handlers<unknown, AppState>;
