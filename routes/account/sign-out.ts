import type { Handlers } from "$fresh/server.ts";
import { accountCookie } from "@/lib/accounts/sessions.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import {
  newOwnerId,
  sessionCookie,
  signSession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * Ends this browser's session: its record is deleted (so the cookie is
   * worthless even if kept) and the browser gets a brand-new anonymous
   * owner, so the next person here sees no chats of anyone.
   */
  async POST(_req, ctx) {
    const { account, sessionId, services } = ctx.state;
    if (account && sessionId) {
      await services.accounts.sessions.end(account.id, sessionId);
    }
    const { secureCookies } = services.config;
    const res = seeOther("/account?done=signed_out");
    res.headers.append("Set-Cookie", accountCookie("", secureCookies));
    const fresh = await signSession(
      newOwnerId(),
      Date.now(),
      services.sessionKeys[0],
    );
    res.headers.append("Set-Cookie", sessionCookie(fresh, secureCookies));
    return res;
  },
} satisfies Handlers<unknown, AppState>;
