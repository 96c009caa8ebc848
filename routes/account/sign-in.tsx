import type { Handlers, RouteConfig } from "$fresh/server.ts";
import { SignInAgain } from "@/components/account/SignInAgain.tsx";
import { signInWithPassword } from "@/lib/accounts/sign_in.ts";
import {
  accountForm,
  field,
  startSession,
} from "@/lib/http/account_session.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import { safeNext } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

interface Data {
  problem: string;
  next: string;
  username: string;
}

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  GET: (_req, ctx) => seeOther(`/account${ctx.url.search}`),

  /**
   * Checks a username and password; every attempt is counted per client
   * address first, so guesses sent together cannot all be checked.
   */
  async POST(req, ctx) {
    const { lang, services, clientAddress } = ctx.state;
    const form = await accountForm(req, ctx);
    const next = safeNext(field(form, "next"));
    const username = field(form, "username").trim().slice(0, 64);
    const render = (problem: string, status: number) =>
      ctx.render({ problem, next, username }, { status });
    if (!form) return render(t(lang, "account.error.bad_form"), 400);
    const attempt = await services.limiters.accountSignIn.hit(clientAddress);
    if (!attempt.ok) {
      const res = await render(
        t(lang, "login.too_many", { seconds: attempt.retryAfterSeconds }),
        429,
      );
      res.headers.set("Retry-After", String(attempt.retryAfterSeconds));
      return res;
    }
    const found = await signInWithPassword(services.accounts, {
      username,
      password: field(form, "password"),
    });
    if (found === "disabled") return render(t(lang, "account.disabled"), 403);
    if (!found) return render(t(lang, "account.error.wrong"), 401);
    return startSession(req, ctx, found, next);
  },
} satisfies Handlers<Data, AppState>;

/** The account page again, with what was wrong. */
export default SignInAgain;
