import type { Handlers, RouteConfig } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";
import ChatPage, { type ChatPageData, renderDraft } from "./chats/[id].tsx";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

export const handler = {
  /**
   * Opens the most recent chat; a visitor with none sees an unsaved new
   * chat, stored only with its first message, so that `GET /` and `HEAD /`
   * store nothing.
   */
  async GET(req, ctx) {
    const { chats: latest } = await ctx.state.services.store.listChats(
      ctx.state.owner,
      { limit: 1 },
    );
    if (latest[0]) return seeOther(`/chats/${latest[0].id}`);
    return await renderDraft(req, ctx);
  },
} satisfies Handlers<ChatPageData, AppState>;

export default ChatPage;
