import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { AUTH_COOKIE } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** Signs out of the password gate. */
  POST() {
    const res = seeOther("/login");
    res.headers.append(
      "Set-Cookie",
      `${AUTH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
    );
    return res;
  },
} satisfies Handlers<unknown, AppState>;
