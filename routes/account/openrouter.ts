import type { Handlers } from "$fresh/server.ts";
import { authorizeUrl, challengeOf } from "@/lib/accounts/pkce.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * "Connect OpenRouter": starts a PKCE flow and sends the browser to
   * OpenRouter's auth page with the S256 challenge; OpenRouter sends it
   * back to /account/openrouter/callback with a code. A POST, so no other
   * site can start a flow for this person with a link.
   */
  async POST(_req, ctx) {
    const { account, services } = ctx.state;
    if (!account) return seeOther("/account?problem=sign_in_first");
    const { state, verifier } = await services.accounts.flows.begin(account.id);
    const origin = services.config.publicOrigin ?? ctx.url.origin;
    const callback = new URL("/account/openrouter/callback", origin);
    callback.searchParams.set("state", state);
    return seeOther(authorizeUrl({
      authUrl: services.config.accounts.authUrl,
      callbackUrl: callback.href,
      challenge: await challengeOf(verifier),
    }));
  },
} satisfies Handlers<unknown, AppState>;
