import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import { AccountShell } from "@/components/account/AccountShell.tsx";
import { accountForm, field } from "@/lib/http/account_session.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import { safeNext } from "@/lib/security/password_gate.ts";
import type { AppState } from "@/lib/state.ts";

interface Data {
  count: number;
  next: string;
  problem?: string;
}

/** How many chats the question counts at most (it says "50" for more). */
const COUNT_LIMIT = 50;

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  /** Asks whether to move this browser's anonymous chats into the account. */
  async GET(_req, ctx) {
    const { account, anonymousOwner, services } = ctx.state;
    const next = safeNext(ctx.url.searchParams.get("next"));
    if (!account || anonymousOwner === account.owner) return seeOther(next);
    const page = await services.store.listChats(anonymousOwner, {
      limit: COUNT_LIMIT,
    });
    if (page.chats.length === 0) return seeOther(next);
    return ctx.render({ count: page.chats.length, next });
  },

  /** Moves them (`move=yes`), or leaves them with the anonymous owner. */
  async POST(req, ctx) {
    const { account, anonymousOwner, services, lang } = ctx.state;
    const form = await accountForm(req, ctx);
    const next = safeNext(field(form, "next"));
    if (!account || field(form, "move") !== "yes") return seeOther(next);
    const result = await services.store.moveChats(
      anonymousOwner,
      account.owner,
    );
    if ("busy" in result) {
      return ctx.render(
        { count: 0, next, problem: t(lang, "account.move.busy") },
        { status: 409 },
      );
    }
    return seeOther(
      next === "/" ? `/account?done=moved&count=${result.moved}` : next,
    );
  },
} satisfies Handlers<Data, AppState>;

/** The question, as a plain form: it works without JavaScript. */
export default function MovePage({ data, state }: PageProps<Data, AppState>) {
  const { lang, account } = state;
  return (
    <AccountShell
      lang={lang}
      title={t(lang, "account.move.title")}
      problem={data.problem}
    >
      {data.count > 0 && (
        <p>
          {t(lang, "account.move.body", {
            count: data.count >= COUNT_LIMIT ? `${COUNT_LIMIT}+` : data.count,
            name: account?.username ?? "",
          })}
        </p>
      )}
      <form method="post" action="/account/move" class="account-inline">
        <input type="hidden" name="next" value={data.next} />
        <button type="submit" name="move" value="yes">
          {t(lang, "account.move.yes")}
        </button>
        <button type="submit" name="move" value="no">
          {t(lang, "account.move.no")}
        </button>
      </form>
    </AccountShell>
  );
}
