import type { RouteConfig } from "$fresh/server.ts";
import { useT } from "@/lib/i18n/context.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** Shown for any URL that is not a page or an API route. */
export default function NotFound() {
  const t = useT();
  return (
    <main class="error-page">
      <h1>{t("error.not_found.title")}</h1>
      <p>{t("error.not_found.body")}</p>
      <a href="/">{t("error.back")}</a>
    </main>
  );
}
