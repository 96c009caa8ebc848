import type { Handlers } from "$fresh/server.ts";
import {
  deleteAccount,
  disableAccount,
  parseLimit,
} from "@/lib/accounts/admin.ts";
import { accountForm, field } from "@/lib/http/account_session.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** An admin's change to one account: save limits, disable, enable or delete. */
  async POST(req, ctx) {
    const { account: admin, services, lang } = ctx.state;
    if (!admin?.admin) {
      await req.body?.cancel();
      return new Response(t(lang, "admin.forbidden"), { status: 403 });
    }
    const { accounts, store } = services;
    const target = await accounts.store.get(ctx.params.id);
    if (!target) return seeOther("/admin");
    const form = await accountForm(req, ctx);
    const action = field(form, "action");
    if (action === "save") {
      const monthlyLimitUsd = parseLimit(field(form, "monthlyLimitUsd"));
      const answersPerMinute = parseLimit(
        field(form, "answersPerMinute"),
        true,
      );
      if (monthlyLimitUsd === undefined || answersPerMinute === undefined) {
        return seeOther("/admin?problem=bad_limit");
      }
      await accounts.store.update(target.id, {
        monthlyLimitUsd,
        answersPerMinute: answersPerMinute || null,
      });
      return seeOther("/admin?done=saved");
    }
    if (target.id === admin.id) return seeOther("/admin?problem=not_self");
    if (action === "disable") await disableAccount(accounts, target.id);
    else if (action === "enable") {
      await accounts.store.update(target.id, { disabled: false });
    } else if (action === "delete") {
      await deleteAccount(accounts, store, target);
      return seeOther("/admin?done=deleted");
    }
    return seeOther("/admin?done=saved");
  },
} satisfies Handlers<unknown, AppState>;
