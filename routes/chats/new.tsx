import type { Handlers, RouteConfig } from "$fresh/server.ts";
import { OwnerLimitError } from "@/lib/chats/owner_quota.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";
import ChatPage, { type ChatPageData, renderDraft } from "./[id].tsx";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

export const handler = {
  /** "New chat": an empty conversation, stored only when its first message is sent. */
  GET(req, ctx) {
    return renderDraft(req, ctx);
  },

  /** The older "New chat" form: creates a chat and opens it; past a quota or rate, says why. */
  async POST(_req, ctx) {
    try {
      const chat = await ctx.state.services.chats.create(ctx.state);
      return seeOther(`/chats/${chat.id}`);
    } catch (error) {
      if (!(error instanceof OwnerLimitError)) throw error;
      const rate = error.kind === "rate";
      return new Response(`${error.message}\n`, {
        status: rate ? 429 : 413,
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "Cache-Control": "no-store",
          ...(rate ? { "Retry-After": String(error.retryAfterSeconds) } : {}),
        },
      });
    }
  },
} satisfies Handlers<ChatPageData, AppState>;

export default ChatPage;
