import { sendMessageBody } from "@/lib/chats/schemas.ts";
import { sendMessage } from "@/lib/generation/turn.ts";
import { api, body, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Sends a message and streams the answer as server-sent events. */
  POST: api(async (req, ctx) => {
    const { content } = await body(req, ctx, sendMessageBody);
    const chat = await ownChat(ctx);
    const { services, owner, lang, timeZone } = ctx.state;
    return await sendMessage(
      { services, owner, chat, lang, timeZone },
      content,
    );
  }),
};
