import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import { AccountShell } from "@/components/account/AccountShell.tsx";
import { UsageChart } from "@/components/account/UsageChart.tsx";
import { formatUsd, monthlyLimit } from "@/lib/accounts/budget.ts";
import {
  lastDays,
  monthSpend,
  type UsageRow,
  usageRows,
} from "@/lib/accounts/usage.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

interface Data {
  rows: UsageRow[];
  days: { day: string; cost: number }[];
  spent: number;
  limit?: number;
}

/** Fresh builds this page's CSP, with a nonce for its scripts. */
export const config: RouteConfig = { csp: true };

export const handler = {
  /** The owner's usage of the last 30 days: this browser's, or the signed-in account's. */
  async GET(_req, ctx) {
    const { services, owner, account } = ctx.state;
    const [rows, spent] = await Promise.all([
      usageRows(services.kv, owner, { days: 30 }),
      monthSpend(services.kv, owner),
    ]);
    const perDay = new Map<string, number>();
    for (const row of rows) {
      perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.cost);
    }
    const days = lastDays(30).map((day) => ({
      day,
      cost: perDay.get(day) ?? 0,
    }));
    const limit = monthlyLimit(
      account?.monthlyLimitUsd,
      services.config.accounts.monthlyLimitUsd,
    );
    const res = await ctx.render({ rows, days, spent, limit });
    res.headers.set("Cache-Control", "no-store");
    return res;
  },
} satisfies Handlers<Data, AppState>;

const tokens = (n: number) => n.toLocaleString("en-US");

/** Spend and tokens per day and model: a chart and the same figures as a table. */
export default function UsagePage({ data, state }: PageProps<Data, AppState>) {
  const { lang } = state;
  const total = data.rows.reduce((sum, r) => ({
    cost: sum.cost + r.cost,
    prompt: sum.prompt + r.promptTokens,
    completion: sum.completion + r.completionTokens,
    answers: sum.answers + r.answers,
  }), { cost: 0, prompt: 0, completion: 0, answers: 0 });
  return (
    <AccountShell lang={lang} title={t(lang, "usage.title")}>
      <p>{t(lang, "usage.intro")}</p>
      <p>
        {t(lang, "usage.month", {
          spent: formatUsd(data.spent),
          limit: data.limit === undefined
            ? t(lang, "usage.no_limit")
            : formatUsd(data.limit),
        })}
      </p>
      <UsageChart lang={lang} days={data.days} />
      {data.rows.length === 0
        ? <p>{t(lang, "usage.empty")}</p>
        : (
          <div class="account-table-wrap">
            <table class="account-table">
              <caption>{t(lang, "usage.table")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, "usage.day")}</th>
                  <th scope="col">{t(lang, "usage.model")}</th>
                  <th scope="col" class="num">{t(lang, "usage.cost")}</th>
                  <th scope="col" class="num">{t(lang, "usage.prompt")}</th>
                  <th scope="col" class="num">{t(lang, "usage.completion")}</th>
                  <th scope="col" class="num">{t(lang, "usage.answers")}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.rows].reverse().map((r) => (
                  <tr key={`${r.day}-${r.model}`}>
                    <td>{r.day}</td>
                    <td>{r.model}</td>
                    <td class="num">{formatUsd(r.cost)}</td>
                    <td class="num">{tokens(r.promptTokens)}</td>
                    <td class="num">{tokens(r.completionTokens)}</td>
                    <td class="num">{r.answers}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>{t(lang, "usage.total")}</th>
                  <td class="num">{formatUsd(total.cost)}</td>
                  <td class="num">{tokens(total.prompt)}</td>
                  <td class="num">{tokens(total.completion)}</td>
                  <td class="num">{total.answers}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
    </AccountShell>
  );
}
