import { regenerate } from "@/lib/generation/turn.ts";
import { api, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Replaces the last answer with a new one, streamed. */
  POST: api(async (_req, ctx) => {
    const chat = await ownChat(ctx);
    const { services, owner, lang, timeZone } = ctx.state;
    return await regenerate({ services, owner, chat, lang, timeZone });
  }),
};
