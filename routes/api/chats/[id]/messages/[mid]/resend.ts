import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { actorOf } from "@/lib/actor.ts";
import { sendMessageBody } from "@/lib/chats/schemas.ts";
import { editAndResend } from "@/lib/generation/turn.ts";
import { eventStreamResponse } from "@/lib/http/event_stream.ts";
import { body, ownChat } from "@/lib/http/route.ts";

export const handler = {
  /** Edits one of the user's messages and answers it anew; later messages are replaced. */
  async POST(req, ctx) {
    const { content } = await body(req, ctx, sendMessageBody);
    const chat = await ownChat(ctx);
    const turn = { ...actorOf(ctx.state), chat };
    const edit = { messageId: ctx.params.mid, content };
    return eventStreamResponse(await editAndResend(turn, edit));
  },
} satisfies Handlers<unknown, AppState>;
