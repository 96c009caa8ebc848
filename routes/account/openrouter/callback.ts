import type { Handlers } from "$fresh/server.ts";
import { exchangeCode, PkceError } from "@/lib/accounts/pkce.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * OpenRouter's redirect back: the flow's state is taken once (a replayed
   * or foreign callback finds nothing), the code is exchanged with its
   * verifier, and the key is stored encrypted. Nothing is stored on any
   * failure.
   */
  async GET(_req, ctx) {
    const { account, services } = ctx.state;
    if (!account) return seeOther("/account?problem=sign_in_first");
    const params = ctx.url.searchParams;
    const code = params.get("code") ?? "";
    const verifier = await services.accounts.flows.take(
      params.get("state") ?? "",
      account.id,
    );
    if (!verifier) return seeOther("/account?problem=pkce_failed");
    if (!code || code.length > 512) {
      return seeOther("/account?problem=pkce_cancelled");
    }
    try {
      const key = await exchangeCode({
        baseUrl: services.config.openrouterBaseUrl,
        code,
        verifier,
      });
      await services.accounts.keys.set(account.id, key, "oauth");
    } catch (error) {
      if (error instanceof PkceError) {
        return seeOther("/account?problem=pkce_failed");
      }
      throw error;
    }
    return seeOther("/account?done=key_saved");
  },
} satisfies Handlers<unknown, AppState>;
