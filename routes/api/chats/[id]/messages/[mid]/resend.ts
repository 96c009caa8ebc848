import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { sendMessageBody } from "@/lib/chats/schemas.ts";
import { editAndResend } from "@/lib/generation/turn.ts";
import { body, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Edits one of the user's messages and answers it anew; later messages are replaced. */
  async POST(req, ctx) {
    const { content } = await body(req, ctx, sendMessageBody);
    const chat = await ownChat(ctx);
    const { services, owner, lang, timeZone } = ctx.state;
    return await editAndResend(
      { services, owner, chat, lang, timeZone },
      ctx.params.mid,
      content,
    );
  },
} satisfies Handlers<unknown, AppState>;
