import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { actorOf } from "@/lib/actor.ts";
import { sendMessageBody } from "@/lib/chats/schemas.ts";
import { sendMessage } from "@/lib/generation/turn.ts";
import { eventStreamResponse } from "@/lib/http/event_stream.ts";
import { body, chatForMessage } from "@/lib/http/route.ts";

export const handler = {
  /**
   * Sends a message and streams the answer as server-sent events; the first
   * message of an unsaved new chat stores the chat.
   */
  async POST(req, ctx) {
    const { content } = await body(req, ctx, sendMessageBody);
    const chat = await chatForMessage(ctx);
    const turn = { ...actorOf(ctx.state), chat };
    return eventStreamResponse(await sendMessage(turn, content));
  },
} satisfies Handlers<unknown, AppState>;
