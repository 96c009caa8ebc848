import type { Handlers } from "$fresh/server.ts";
import { createInvite } from "@/lib/accounts/invites.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /** A new invitation code (SIGNUP=invite), shown once on the admin page. */
  async POST(_req, ctx) {
    const { account, services, lang } = ctx.state;
    if (!account?.admin) {
      return new Response(t(lang, "admin.forbidden"), { status: 403 });
    }
    const code = await createInvite(services.kv);
    return seeOther(`/admin?invite=${code}`);
  },
} satisfies Handlers<unknown, AppState>;
