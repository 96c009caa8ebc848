import type { PublicAccount, SessionRecord } from "@/lib/accounts/types.ts";
import type { KeyInfo } from "@/lib/accounts/upstream_keys.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import Passkeys from "@/islands/Passkeys.tsx";

/** What the account page shows a signed-in person. */
export interface AccountView {
  account: PublicAccount;
  sessions: SessionRecord[];
  currentSession: string;
  key: KeyInfo | null;
  passkeys: number;
}

function when(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }) + " UTC";
}

/** Devices, sign out, the personal key and passkeys of a signed-in person. */
export function AccountDetails(
  { lang, view }: { lang: Lang; view: AccountView },
) {
  const { account } = view;
  return (
    <>
      <p>
        {t(lang, "account.signed_in_as", { name: account.username })}
        {account.admin && <>({t(lang, "account.admin_badge")})</>}
      </p>
      <p class="account-links">
        <a href="/account/usage">{t(lang, "account.usage")}</a>
        {account.admin && <a href="/admin">{t(lang, "account.admin")}</a>}
      </p>
      <form method="post" action="/account/sign-out" class="account-inline">
        <button type="submit">{t(lang, "account.sign_out")}</button>
      </form>

      <section aria-labelledby="devices-heading" class="account-card">
        <h2 id="devices-heading">{t(lang, "account.devices")}</h2>
        <ul class="account-devices">
          {view.sessions.map((s) => (
            <li key={s.id}>
              <span>
                {s.device}
                {s.id === view.currentSession
                  ? ` (${t(lang, "account.device_current")})`
                  : ""} · {t(lang, "account.device_seen", {
                    time: when(s.lastSeenAt, lang),
                  })}
              </span>
              {s.id !== view.currentSession && (
                <form method="post" action={`/account/sessions/${s.id}`}>
                  <button type="submit">
                    {t(lang, "account.device_sign_out", { device: s.device })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action="/account/sign-out-all">
          <button type="submit">{t(lang, "account.sign_out_all")}</button>
        </form>
      </section>

      <section aria-labelledby="key-heading" class="account-card">
        <h2 id="key-heading">{t(lang, "account.key.heading")}</h2>
        <p>{t(lang, "account.key.intro")}</p>
        <p>
          {view.key
            ? t(lang, "account.key.current", { last4: view.key.last4 })
            : t(lang, "account.key.none")}
        </p>
        <p>
          <a href="/account/openrouter" role="button" class="account-button">
            {t(lang, "account.key.connect")}
          </a>
        </p>
        <form method="post" action="/account/key">
          <label>
            <span>{t(lang, "account.key.paste")}</span>
            <input
              type="password"
              name="key"
              required
              autocomplete="off"
              spellcheck={false}
            />
          </label>
          <button type="submit">{t(lang, "account.key.save")}</button>
        </form>
        {view.key && (
          <form method="post" action="/account/key">
            <input type="hidden" name="remove" value="1" />
            <button type="submit">{t(lang, "account.key.remove")}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="passkeys-heading" class="account-card">
        <h2 id="passkeys-heading">{t(lang, "account.passkeys.heading")}</h2>
        <p>
          {view.passkeys
            ? t(lang, "account.passkeys.count", { count: view.passkeys })
            : t(lang, "account.passkeys.none")}
        </p>
        <Passkeys
          mode="register"
          next="/account"
          labels={{
            button: t(lang, "account.passkeys.add"),
            failed: t(lang, "account.passkeys.failed"),
          }}
        />
      </section>
    </>
  );
}
