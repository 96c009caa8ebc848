import type { Handlers } from "$fresh/server.ts";
import { json } from "@/lib/http/api.ts";
import { relyingParty, startSession } from "@/lib/http/account_session.ts";
import { passkeyBody } from "@/lib/http/passkey_body.ts";
import { t } from "@/lib/i18n/mod.ts";
import { safeNext } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * Signs in with a passkey's answer: a session as a password sign-in
   * makes, and where the browser goes next. A failed ceremony or a
   * disabled account is 400/403 with nothing started.
   */
  async POST(req, ctx) {
    const { services, lang, clientAddress } = ctx.state;
    const refuse = (status: number, message: string) =>
      json({
        error: {
          code: status === 403 ? "forbidden" : "invalid_request",
          message,
        },
      }, {
        status,
      });
    const attempt = await services.limiters.accountSignIn.hit(clientAddress);
    if (!attempt.ok) {
      return refuse(
        429,
        t(lang, "login.too_many", { seconds: attempt.retryAfterSeconds }),
      );
    }
    const body = await passkeyBody(req);
    const accountId = body &&
      await services.accounts.passkeys.authenticate({
        ceremony: body.ceremony,
        response: body.response,
      }, relyingParty(ctx));
    const account = accountId && await services.accounts.store.get(accountId);
    if (!account) return refuse(400, t(lang, "account.passkeys.failed"));
    if (account.disabled) return refuse(403, t(lang, "account.disabled"));
    const next = safeNext(typeof body?.next === "string" ? body.next : "/");
    const redirect = await startSession(req, ctx, account, next);
    const res = json({ location: redirect.headers.get("Location") });
    for (const cookie of redirect.headers.getSetCookie()) {
      res.headers.append("Set-Cookie", cookie);
    }
    return res;
  },
} satisfies Handlers<unknown, AppState>;
