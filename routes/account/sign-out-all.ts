import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Ends every other session of the account at once; this browser stays signed in. */
  async POST(_req, ctx) {
    const { account, sessionId, services } = ctx.state;
    if (!account || !sessionId) return seeOther("/account");
    await services.accounts.sessions.endAll(account.id, sessionId);
    return seeOther("/account?done=signed_out_all");
  },
} satisfies Handlers<unknown, AppState>;
