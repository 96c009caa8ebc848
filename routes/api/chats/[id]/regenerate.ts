import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { regenerate } from "@/lib/generation/turn.ts";
import { ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Replaces the last answer with a new one, streamed. */
  async POST(_req, ctx) {
    const chat = await ownChat(ctx);
    const { services, owner, lang, timeZone } = ctx.state;
    return await regenerate({ services, owner, chat, lang, timeZone });
  },
} satisfies Handlers<unknown, AppState>;
