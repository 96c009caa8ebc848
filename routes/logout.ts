import type { Handlers } from "$fresh/server.ts";
import { signOutBrowser } from "@/lib/http/account_session.ts";
import { authCookie } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * Signs out of the password gate, and of the account signed in on this
   * browser; the browser gets a new anonymous owner, so the next person
   * here does not see the previous one's chats.
   */
  POST: (_req, ctx) =>
    signOutBrowser(ctx, {
      location: "/login",
      also: [authCookie("", ctx.state.services.config.secureCookies)],
    }),
} satisfies Handlers<unknown, AppState>;
