import type { Handlers } from "$fresh/server.ts";
import { signOutBrowser } from "@/lib/http/account_session.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Ends this browser's session; the browser starts over as a new anonymous owner. */
  POST: (_req, ctx) =>
    signOutBrowser(ctx, { location: "/account?done=signed_out" }),
} satisfies Handlers<unknown, AppState>;
