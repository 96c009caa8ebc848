import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import { AccountShell } from "@/components/account/AccountShell.tsx";
import { AdminTable } from "@/components/account/AdminTable.tsx";
import { type AdminRow, adminRows } from "@/lib/accounts/admin.ts";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

interface Data {
  rows: AdminRow[];
  notice?: string;
  problem?: string;
}

const NOTICES: Record<string, MessageKey> = {
  saved: "admin.saved",
  deleted: "admin.deleted",
};
const PROBLEMS: Record<string, MessageKey> = {
  bad_limit: "admin.bad_limit",
  not_self: "admin.not_self",
};

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  /** The accounts, for admins only (403 for everyone else). */
  async GET(_req, ctx) {
    const { account, services, lang } = ctx.state;
    if (!account?.admin) {
      return new Response(t(lang, "admin.forbidden"), {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    const params = ctx.url.searchParams;
    const notice = NOTICES[params.get("done") ?? ""];
    const problem = PROBLEMS[params.get("problem") ?? ""];
    const invite = params.get("invite");
    const res = await ctx.render({
      rows: await adminRows(services.accounts),
      notice: invite && /^[0-9a-f]{24}$/.test(invite)
        ? t(lang, "admin.invite_made", { code: invite })
        : notice && t(lang, notice),
      problem: problem && t(lang, problem),
    });
    res.headers.set("Cache-Control", "no-store");
    return res;
  },
} satisfies Handlers<Data, AppState>;

/** The admin page: every account, its spend, limits and status. */
export default function AdminPage({ data, state }: PageProps<Data, AppState>) {
  const { lang } = state;
  return (
    <AccountShell
      lang={lang}
      title={t(lang, "admin.title")}
      notice={data.notice}
      problem={data.problem}
    >
      <p>{t(lang, "admin.intro")}</p>
      <AdminTable lang={lang} rows={data.rows} self={state.account?.id ?? ""} />
      {state.services.config.accounts.signup === "invite" && (
        <form method="post" action="/admin/invite">
          <button type="submit">{t(lang, "admin.invite")}</button>
        </form>
      )}
    </AccountShell>
  );
}
