import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Ends one session of the signed-in account (another account's id ends nothing). */
  async POST(_req, ctx) {
    const { account, services } = ctx.state;
    if (!account) return seeOther("/account");
    const ended = await services.accounts.sessions.end(
      account.id,
      ctx.params.id,
    );
    return seeOther(ended ? "/account?done=device_ended" : "/account");
  },
} satisfies Handlers<unknown, AppState>;
