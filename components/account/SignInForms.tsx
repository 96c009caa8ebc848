import { type Lang, t } from "@/lib/i18n/mod.ts";
import { MIN_PASSWORD_LENGTH } from "@/lib/accounts/password.ts";
import Passkeys from "@/islands/Passkeys.tsx";

/** The sign-in and create-account forms of a visitor without an account. */
export function SignInForms(props: {
  lang: Lang;
  next: string;
  signup: "open" | "invite" | "closed";
  username?: string;
  invite?: string;
}) {
  const { lang, next, signup } = props;
  return (
    <div class="account-columns">
      <section aria-labelledby="sign-in-heading" class="account-card">
        <h2 id="sign-in-heading">{t(lang, "account.sign_in_heading")}</h2>
        <form method="post" action="/account/sign-in">
          <input type="hidden" name="next" value={next} />
          <label>
            <span>{t(lang, "account.username")}</span>
            <input
              name="username"
              required
              autocomplete="username"
              value={props.username}
            />
          </label>
          <label>
            <span>{t(lang, "account.password")}</span>
            <input
              type="password"
              name="password"
              required
              autocomplete="current-password"
            />
          </label>
          <button type="submit">{t(lang, "account.sign_in")}</button>
        </form>
        <Passkeys
          mode="sign-in"
          next={next}
          labels={{
            button: t(lang, "account.passkeys.sign_in"),
            failed: t(lang, "account.passkeys.failed"),
          }}
        />
      </section>
      <section aria-labelledby="create-heading" class="account-card">
        <h2 id="create-heading">{t(lang, "account.create_heading")}</h2>
        {signup === "closed"
          ? <p>{t(lang, "account.signup_closed")}</p>
          : (
            <form method="post" action="/account/create">
              <input type="hidden" name="next" value={next} />
              {signup === "invite" && (
                <>
                  <p>{t(lang, "account.signup_invite")}</p>
                  <label>
                    <span>{t(lang, "account.invite")}</span>
                    <input name="invite" required value={props.invite} />
                  </label>
                </>
              )}
              <label>
                <span>{t(lang, "account.username")}</span>
                <input
                  name="username"
                  required
                  minLength={3}
                  maxLength={32}
                  autocomplete="username"
                />
              </label>
              <label>
                <span>{t(lang, "account.password")}</span>
                <input
                  type="password"
                  name="password"
                  required
                  autocomplete="new-password"
                  aria-describedby="password-hint"
                />
              </label>
              <p id="password-hint" class="account-hint">
                {t(lang, "account.password_hint", { min: MIN_PASSWORD_LENGTH })}
              </p>
              <button type="submit">{t(lang, "account.create")}</button>
            </form>
          )}
      </section>
    </div>
  );
}
