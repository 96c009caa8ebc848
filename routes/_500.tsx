import type { RouteConfig } from "$fresh/server.ts";
import { useT } from "@/lib/i18n/context.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** Shown when a page fails; says nothing about the cause, which goes to the log. */
export default function ServerError() {
  const t = useT();
  return (
    <main class="error-page">
      <h1>{t("error.internal.title")}</h1>
      <p>{t("error.internal.body")}</p>
      <a href="/">{t("error.back")}</a>
    </main>
  );
}
