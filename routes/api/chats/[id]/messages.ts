import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { sendMessageBody } from "@/lib/chats/schemas.ts";
import { sendMessage } from "@/lib/generation/turn.ts";
import { body, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Sends a message and streams the answer as server-sent events. */
  async POST(req, ctx) {
    const { content } = await body(req, ctx, sendMessageBody);
    const chat = await ownChat(ctx);
    const { services, owner, lang, timeZone } = ctx.state;
    return await sendMessage(
      { services, owner, chat, lang, timeZone },
      content,
    );
  },
} satisfies Handlers<unknown, AppState>;
