import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { authCookie } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Signs out of the password gate. */
  POST(_req, ctx) {
    const res = seeOther("/login");
    res.headers.append(
      "Set-Cookie",
      authCookie("", ctx.state.services.config.secureCookies),
    );
    return res;
  },
} satisfies Handlers<unknown, AppState>;
