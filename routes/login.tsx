import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import { getOurCookie } from "@/lib/http/cookies.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import { ApiError, ERROR_STATUS } from "@/lib/http/api.ts";
import { readFormBody } from "@/lib/http/form.ts";
import {
  AUTH_COOKIE,
  authCookie,
  isSignedIn,
  passwordMatches,
  safeNext,
  signIn,
} from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** A sign-in form holds a password and a path: a few KB at most. */
const MAX_FORM_BYTES = 4096;

interface Data {
  problem?: string;
  next: string;
}

export const handler = {
  async GET(req, ctx) {
    const { config, sessionKeys } = ctx.state.services;
    const next = safeNext(ctx.url.searchParams.get("next"));
    const password = config.appPassword;
    if (
      !password ||
      await isSignedIn(
        getOurCookie(req.headers, AUTH_COOKIE, config.secureCookies).value,
        password,
        sessionKeys,
      )
    ) {
      return seeOther(next);
    }
    return ctx.render({ next });
  },

  /**
   * Checks the password. Every attempt is counted per client address before
   * the comparison, so guesses sent together cannot all be checked.
   */
  async POST(req, ctx) {
    const { config, sessionKeys, limiters } = ctx.state.services;
    const lang = ctx.state.lang;
    const password = config.appPassword;
    let form: FormData;
    try {
      form = await readFormBody(req, { maxBytes: MAX_FORM_BYTES, lang });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const problem = error.code === "payload_too_large"
        ? t(lang, "login.form_too_large", { limit: MAX_FORM_BYTES })
        : t(lang, "login.bad_form");
      return await ctx.render({ problem, next: "/" }, {
        status: ERROR_STATUS[error.code],
      });
    }
    const next = safeNext(form.get("next")?.toString());
    if (!password) return seeOther(next);
    const attempt = await limiters.login.hit(ctx.state.clientAddress);
    if (!attempt.ok) {
      const problem = t(lang, "login.too_many", {
        seconds: attempt.retryAfterSeconds,
      });
      const res = await ctx.render({ problem, next }, { status: 429 });
      res.headers.set("Retry-After", String(attempt.retryAfterSeconds));
      return res;
    }
    const guess = form.get("password")?.toString() ?? "";
    if (!await passwordMatches(guess, password)) {
      return await ctx.render({ problem: t(lang, "login.wrong"), next }, {
        status: 401,
      });
    }
    const res = seeOther(next);
    res.headers.append(
      "Set-Cookie",
      authCookie(await signIn(password, sessionKeys[0]), config.secureCookies),
    );
    return res;
  },
} satisfies Handlers<Data, AppState>;

/** The sign-in page of a password-protected deployment. */
export default function Login({ data, state }: PageProps<Data, AppState>) {
  const { lang } = state;
  return (
    <main class="login">
      <h1>{t(lang, "login.title")}</h1>
      <p>{t(lang, "login.intro")}</p>
      {data.problem && <p role="alert" class="notice">{data.problem}</p>}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={data.next} />
        <label>
          <span class="label-text">{t(lang, "login.password")}</span>
          <input
            type="password"
            name="password"
            required
            autocomplete="current-password"
            autofocus
          />
        </label>
        <button type="submit">{t(lang, "login.submit")}</button>
      </form>
    </main>
  );
}
