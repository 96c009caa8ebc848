import type { Handlers } from "$fresh/server.ts";
import { json } from "@/lib/http/api.ts";
import { relyingParty } from "@/lib/http/account_session.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Options to sign in with any passkey of this site. */
  async POST(_req, ctx) {
    const { passkeys } = ctx.state.services.accounts;
    return json(await passkeys.authenticationOptions(relyingParty(ctx)));
  },
} satisfies Handlers<unknown, AppState>;
