import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import { AccountShell } from "@/components/account/AccountShell.tsx";
import { checkKey } from "@/lib/accounts/pkce.ts";
import { accountForm, field } from "@/lib/http/account_session.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

interface Data {
  problem: string;
}

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  GET: () => seeOther("/account"),

  /**
   * Saves a pasted key once OpenRouter accepts it (`remove=1` forgets the
   * key instead). A refused key is never stored, and never shown back.
   */
  async POST(req, ctx) {
    const { account, services, lang } = ctx.state;
    if (!account) return seeOther("/account?problem=sign_in_first");
    const form = await accountForm(req, ctx);
    if (!form) {
      return ctx.render({ problem: t(lang, "account.error.bad_form") }, {
        status: 400,
      });
    }
    if (field(form, "remove") === "1") {
      await services.accounts.keys.remove(account.id);
      return seeOther("/account?done=key_removed");
    }
    const apiKey = field(form, "key").trim();
    const verdict = await checkKey({
      baseUrl: services.config.openrouterBaseUrl,
      apiKey,
    });
    if (verdict !== "ok") {
      const problem = t(
        lang,
        verdict === "refused"
          ? "account.key.refused"
          : "account.key.unreachable",
      );
      return ctx.render({ problem }, {
        status: verdict === "refused" ? 400 : 502,
      });
    }
    await services.accounts.keys.set(account.id, apiKey, "pasted");
    return seeOther("/account?done=key_saved");
  },
} satisfies Handlers<Data, AppState>;

/** Why a pasted key was not saved, with the way back. */
export default function KeyProblem({ data, state }: PageProps<Data, AppState>) {
  const { lang } = state;
  return (
    <AccountShell
      lang={lang}
      title={t(lang, "account.key.heading")}
      problem={data.problem}
    >
      <p>
        <a href="/account">{t(lang, "account.title")}</a>
      </p>
    </AccountShell>
  );
}
