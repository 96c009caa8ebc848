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
    const { content, persona } = await body(req, ctx, sendMessageBody);
    let chat = await chatForMessage(ctx);
    const { store, chats } = ctx.state.services;
    if (
      persona && persona !== chat.persona &&
      !await store.countMessages(ctx.state.owner, chat.id)
    ) {
      chat = await chats.update(ctx.state.owner, chat, { persona });
    }
    const turn = { ...actorOf(ctx.state), chat };
    return eventStreamResponse(await sendMessage(turn, content));
  },
} satisfies Handlers<unknown, AppState>;
