import type { ComponentChildren } from "preact";
import { asset } from "$fresh/runtime.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";

/** The frame of the account, usage and admin pages: heading, links, notices. */
export function AccountShell(props: {
  lang: Lang;
  title: string;
  notice?: string;
  problem?: string;
  children: ComponentChildren;
}) {
  const { lang } = props;
  return (
    <main class="account-page">
      <link rel="stylesheet" href={asset("/account.css")} />
      <nav class="account-nav" aria-label={t(lang, "account.title")}>
        <a href="/">{t(lang, "account.back")}</a>
      </nav>
      <h1>{props.title}</h1>
      {props.notice && (
        <p role="status" class="account-notice">{props.notice}</p>
      )}
      {props.problem && (
        <p role="alert" class="account-problem">{props.problem}</p>
      )}
      {props.children}
    </main>
  );
}
