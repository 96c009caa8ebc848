import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import {
  AccountDetails,
  type AccountView,
} from "@/components/account/AccountDetails.tsx";
import { AccountShell } from "@/components/account/AccountShell.tsx";
import { SignInForms } from "@/components/account/SignInForms.tsx";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import { safeNext } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

/** What `?done=` (after a redirect) may announce. */
const NOTICES: Record<string, MessageKey> = {
  signed_out: "account.signed_out",
  signed_out_all: "account.signed_out_all",
  device_ended: "account.device_ended",
  key_saved: "account.key.saved",
  key_removed: "account.key.removed",
  passkey_added: "account.passkeys.added",
  moved: "account.move.done",
};
/** What `?problem=` may say. */
const PROBLEMS: Record<string, MessageKey> = {
  pkce_failed: "account.key.pkce_failed",
  pkce_cancelled: "account.key.pkce_cancelled",
  disabled: "account.disabled",
  sign_in_first: "account.key.sign_in_first",
  required: "account.required",
};

/** What the page shows: the forms, or the signed-in person's account. */
export interface AccountPageData {
  view?: AccountView;
  next: string;
  notice?: string;
  problem?: string;
  username?: string;
  invite?: string;
}

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  async GET(_req, ctx) {
    const { lang, account, sessionId, services } = ctx.state;
    const params = ctx.url.searchParams;
    const done = NOTICES[params.get("done") ?? ""];
    const problem = PROBLEMS[params.get("problem") ?? ""];
    const data: AccountPageData = {
      next: safeNext(params.get("next")),
      notice: done &&
        t(lang, done, { count: Number(params.get("count") ?? 0) || 0 }),
      problem: problem && t(lang, problem),
      invite: params.get("invite")?.slice(0, 64) ?? undefined,
    };
    if (account && sessionId) {
      const { accounts } = services;
      const [sessions, key, passkeys] = await Promise.all([
        accounts.sessions.list(account.id),
        accounts.keys.info(account.id),
        accounts.passkeys.list(account.id),
      ]);
      data.view = {
        account,
        sessions,
        currentSession: sessionId,
        key,
        passkeys: passkeys.length,
      };
    }
    const res = await ctx.render(data);
    res.headers.set("Cache-Control", "no-store");
    return res;
  },
} satisfies Handlers<AccountPageData, AppState>;

/** The account page: sign in or create an account; or devices, key and passkeys. */
export default function AccountPage(
  { data, state }: PageProps<AccountPageData, AppState>,
) {
  const { lang } = state;
  return (
    <AccountShell
      lang={lang}
      title={t(lang, "account.title")}
      notice={data.notice}
      problem={data.problem}
    >
      {data.view ? <AccountDetails lang={lang} view={data.view} /> : (
        <>
          <p>{t(lang, "account.intro")}</p>
          <p>
            <a href="/account/usage">{t(lang, "account.usage")}</a>
          </p>
          <SignInForms
            lang={lang}
            next={data.next}
            signup={state.services.config.accounts.signup}
            username={data.username}
            invite={data.invite}
          />
        </>
      )}
    </AccountShell>
  );
}
