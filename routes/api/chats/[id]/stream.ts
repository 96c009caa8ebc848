import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { eventStreamResponse } from "@/lib/generation/generation.ts";
import { watchRemote } from "@/lib/generation/remote_watch.ts";
import { ownChat } from "@/lib/http/route.ts";

export const handler = {
  /**
   * Re-attaches to the running answer from its current text; 204 when none
   * runs. An answer running on another instance is followed through KV.
   */
  async GET(_req, ctx) {
    const chat = await ownChat(ctx);
    const { store, runner } = ctx.state.services;
    const owner = ctx.state.owner;
    const local = runner.get(owner, chat.id);
    if (local && !local.finished) return eventStreamResponse(local.watch());
    const messageId = await runner.leasedMessage(owner, chat.id);
    if (!messageId) return new Response(null, { status: 204 });
    return eventStreamResponse(watchRemote({
      read: () => store.getMessage(owner, chat.id, messageId),
      alive: async () =>
        (await runner.leasedMessage(owner, chat.id)) === messageId,
    }));
  },
} satisfies Handlers<unknown, AppState>;
