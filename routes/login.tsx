import type { Handlers, PageProps } from "$fresh/server.ts";
import { getCookie } from "@/lib/http/cookies.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import { readForm } from "@/lib/http/form.ts";
import {
  AUTH_COOKIE,
  isSignedIn,
  passwordMatches,
  safeNext,
  signIn,
} from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

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
        getCookie(req.headers, AUTH_COOKIE),
        password,
        sessionKeys,
      )
    ) {
      return seeOther(next);
    }
    return ctx.render({ next });
  },

  /** Checks the password; wrong guesses are limited per client address. */
  async POST(req, ctx) {
    const { config, sessionKeys, limiters } = ctx.state.services;
    const lang = ctx.state.lang;
    const password = config.appPassword;
    const form = await readForm(req, 4096);
    const next = safeNext(form?.get("next")?.toString());
    if (!password) return seeOther(next);
    const client = ctx.remoteAddr.hostname;
    const allowed = await limiters.login.check(client);
    if (!allowed.ok) {
      const problem = t(lang, "login.too_many", {
        seconds: allowed.retryAfterSeconds,
      });
      const res = await ctx.render({ problem, next }, { status: 429 });
      res.headers.set("Retry-After", String(allowed.retryAfterSeconds));
      return res;
    }
    const guess = form?.get("password")?.toString() ?? "";
    if (!await passwordMatches(guess, password)) {
      await limiters.login.hit(client);
      return ctx.render({ problem: t(lang, "login.wrong"), next }, {
        status: 401,
      });
    }
    const res = seeOther(next);
    res.headers.append(
      "Set-Cookie",
      `${AUTH_COOKIE}=${await signIn(
        password,
        sessionKeys[0],
      )}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${30 * 86_400}${
        ctx.url.protocol === "https:" ? "; Secure" : ""
      }`,
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
