import type { AdminRow } from "@/lib/accounts/admin.ts";
import { formatUsd } from "@/lib/accounts/budget.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";

/** One row per account, each with its own small forms (plain POSTs). */
export function AdminTable(
  { lang, rows, self }: { lang: Lang; rows: AdminRow[]; self: string },
) {
  return (
    <div class="account-table-wrap">
      <table class="account-table">
        <caption>{t(lang, "admin.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, "admin.username")}</th>
            <th scope="col">{t(lang, "admin.status")}</th>
            <th scope="col" class="num">{t(lang, "admin.spent")}</th>
            <th scope="col">{t(lang, "admin.limits")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ account, spentUsd }) => {
            const name = account.username;
            const action = `/admin/${account.id}`;
            return (
              <tr key={account.id} class="account-admin-row">
                <th scope="row">
                  {name}
                  {account.admin ? ` (${t(lang, "account.admin_badge")})` : ""}
                </th>
                <td>
                  {account.disabled
                    ? t(lang, "admin.disabled")
                    : t(lang, "admin.active")}
                </td>
                <td class="num">{formatUsd(spentUsd)}</td>
                <td>
                  <form method="post" action={action}>
                    <input type="hidden" name="action" value="save" />
                    <label>
                      <span>{t(lang, "admin.limit", { name })}</span>
                      <input
                        name="monthlyLimitUsd"
                        inputMode="decimal"
                        value={account.monthlyLimitUsd ?? ""}
                      />
                    </label>
                    <label>
                      <span>{t(lang, "admin.rate", { name })}</span>
                      <input
                        name="answersPerMinute"
                        inputMode="numeric"
                        value={account.answersPerMinute ?? ""}
                      />
                    </label>
                    <button type="submit">
                      {t(lang, "admin.save", { name })}
                    </button>
                  </form>
                  {account.id !== self && (
                    <form method="post" action={action} class="account-inline">
                      <button
                        type="submit"
                        name="action"
                        value={account.disabled ? "enable" : "disable"}
                      >
                        {t(
                          lang,
                          account.disabled ? "admin.enable" : "admin.disable",
                          { name },
                        )}
                      </button>
                      <button type="submit" name="action" value="delete">
                        {t(lang, "admin.delete", { name })}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
