import type { Handlers } from "$fresh/server.ts";
import { authorizeUrl, challengeOf } from "@/lib/accounts/pkce.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

/**
 * "Connect OpenRouter": starts a PKCE flow and sends the browser to
 * OpenRouter's auth page with the S256 challenge; OpenRouter sends it back
 * to /account/openrouter/callback with a code. A link (a GET), because the
 * page's CSP lets forms go to this site only; another site that links here
 * gains nothing: the flow is bound to this browser's session by its state,
 * and ends only with the person's own approval at OpenRouter.
 */
export const handler = {
  async GET(_req, ctx) {
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
