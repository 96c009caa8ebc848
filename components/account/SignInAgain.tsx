import type { PageProps } from "$fresh/server.ts";
import { t } from "@/lib/i18n/mod.ts";
import type { AppState } from "@/lib/state.ts";
import { AccountShell } from "./AccountShell.tsx";
import { SignInForms } from "./SignInForms.tsx";

/** What a refused sign-in or sign-up shows again. */
export interface SignInAgainData {
  problem: string;
  next: string;
  username?: string;
  invite?: string;
}

/**
 * The account page again after a refused sign-in or sign-up: what was
 * wrong, then the forms, with what the person typed (never the password).
 */
export function SignInAgain(
  { data, state }: PageProps<SignInAgainData, AppState>,
) {
  const { lang } = state;
  return (
    <AccountShell
      lang={lang}
      title={t(lang, "account.title")}
      problem={data.problem}
    >
      <SignInForms
        lang={lang}
        next={data.next}
        signup={state.services.config.accounts.signup}
        username={data.username}
        invite={data.invite}
      />
    </AccountShell>
  );
}
