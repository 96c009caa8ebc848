import type { Handlers, RouteConfig } from "$fresh/server.ts";
import { SignInAgain } from "@/components/account/SignInAgain.tsx";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from "@/lib/accounts/password.ts";
import { signUp, type SignUpProblem } from "@/lib/accounts/sign_in.ts";
import {
  accountForm,
  field,
  startSession,
} from "@/lib/http/account_session.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import { safeNext } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

interface Data {
  problem: string;
  next: string;
  invite: string;
}

const PROBLEM_TEXT: Record<SignUpProblem, MessageKey> = {
  closed: "account.error.closed",
  invite: "account.error.invite",
  username: "account.error.username",
  taken: "account.error.taken",
  short: "account.error.short",
  long: "account.error.long",
  common: "account.error.common",
};

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  GET: (_req, ctx) => seeOther(`/account${ctx.url.search}`),

  /** Creates an account and signs it in on this browser; nothing is written when a check fails. */
  async POST(req, ctx) {
    const { lang, services, clientAddress } = ctx.state;
    const form = await accountForm(req, ctx);
    const next = safeNext(field(form, "next"));
    const invite = field(form, "invite").slice(0, 64);
    const render = (problem: string, status: number) =>
      ctx.render({ problem, next, invite }, { status });
    if (!form) return render(t(lang, "account.error.bad_form"), 400);
    // Sign-ups count against the same per-address limit as sign-ins.
    const attempt = await services.limiters.accountSignIn.hit(clientAddress);
    if (!attempt.ok) {
      return render(
        t(lang, "login.too_many", { seconds: attempt.retryAfterSeconds }),
        429,
      );
    }
    const result = await signUp(services.accounts, {
      username: field(form, "username"),
      password: field(form, "password"),
      invite,
    });
    if ("problem" in result) {
      const status = result.problem === "taken"
        ? 409
        : result.problem === "closed"
        ? 403
        : 400;
      return render(
        t(lang, PROBLEM_TEXT[result.problem], {
          min: MIN_PASSWORD_LENGTH,
          max: MAX_PASSWORD_LENGTH,
        }),
        status,
      );
    }
    return startSession(req, ctx, result.account, next);
  },
} satisfies Handlers<Data, AppState>;

/** The account page again, with what was wrong. */
export default SignInAgain;
