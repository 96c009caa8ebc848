import type { Handlers } from "$fresh/server.ts";
import { json } from "@/lib/http/api.ts";
import { relyingParty } from "@/lib/http/account_session.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Options to add a passkey to the signed-in account (401 without one). */
  async POST(_req, ctx) {
    const { account, services } = ctx.state;
    const full = account && await services.accounts.store.get(account.id);
    if (!full) {
      return json({ error: { code: "unauthorized" } }, { status: 401 });
    }
    return json(
      await services.accounts.passkeys.registrationOptions(
        full,
        relyingParty(ctx),
      ),
    );
  },
} satisfies Handlers<unknown, AppState>;
