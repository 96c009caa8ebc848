import type { Handlers, RouteConfig } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";
import { EMPTY_CONVERSATION } from "@/lib/chats/conversation_view.ts";
import { keyMissing } from "@/lib/generation/prompt.ts";
import ChatPage, { type ChatPageData } from "./chats/[id].tsx";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

export const handler = {
  /**
   * Opens the most recent chat; a visitor with none sees an unsaved new
   * chat, stored only with its first message, so that `GET /` and `HEAD /`
   * store nothing.
   */
  async GET(_req, ctx) {
    const { store, chats, models } = ctx.state.services;
    const { chats: latest } = await store.listChats(ctx.state.owner, {
      limit: 1,
    });
    if (latest[0]) return seeOther(`/chats/${latest[0].id}`);
    return ctx.render({
      chat: await chats.draft(ctx.state),
      draft: true,
      chats: [],
      conversation: EMPTY_CONVERSATION,
      models: await models.list(),
      keyMissing: await keyMissing(ctx.state.services, ctx.state.owner),
    });
  },
} satisfies Handlers<ChatPageData, AppState>;

export default ChatPage;
