import type { Handlers } from "$fresh/server.ts";
import { accountCookie } from "@/lib/accounts/sessions.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { authCookie } from "@/lib/security/password_gate.ts";
import {
  newOwnerId,
  sessionCookie,
  signSession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * Signs out of the password gate, and of the account signed in on this
   * browser; the browser gets a new anonymous owner, so the next person
   * here does not see the previous one's chats.
   */
  async POST(_req, ctx) {
    const { account, sessionId, services } = ctx.state;
    const { secureCookies } = services.config;
    if (account && sessionId) {
      await services.accounts.sessions.end(account.id, sessionId);
    }
    const res = seeOther("/login");
    res.headers.append("Set-Cookie", authCookie("", secureCookies));
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
