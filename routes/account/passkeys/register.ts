import type { Handlers } from "$fresh/server.ts";
import { json } from "@/lib/http/api.ts";
import { relyingParty } from "@/lib/http/account_session.ts";
import { passkeyBody } from "@/lib/http/passkey_body.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Verifies and stores the new passkey; 400 (nothing stored) when the ceremony failed. */
  async POST(req, ctx) {
    const { account, services, lang } = ctx.state;
    const full = account && await services.accounts.store.get(account.id);
    if (!full) {
      return json({ error: { code: "unauthorized" } }, { status: 401 });
    }
    const body = await passkeyBody(req);
    const ok = body &&
      await services.accounts.passkeys.register(full, {
        ceremony: body.ceremony,
        response: body.response,
      }, relyingParty(ctx));
    if (!ok) {
      return json({
        error: {
          code: "invalid_request",
          message: t(lang, "account.passkeys.failed"),
        },
      }, { status: 400 });
    }
    return json({ location: "/account?done=passkey_added" });
  },
} satisfies Handlers<unknown, AppState>;
