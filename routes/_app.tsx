import type { AppProps } from "$fresh/server.ts";
import { asset, useCSP } from "$fresh/runtime.ts";
import { appCsp } from "@/lib/security/headers.ts";
import { I18N_SCRIPT_ID, I18nContext } from "@/lib/i18n/context.ts";
import { clientDictionary, dictionary, t } from "@/lib/i18n/mod.ts";
import { jsonForScript } from "@/lib/http/json_script.ts";
import type { AppState } from "@/lib/state.ts";

/** The HTML document around every page, with the page's language and dictionary. */
export default function App(
  { Component, state }: AppProps<unknown, AppState>,
) {
  useCSP(appCsp);
  const lang = state.lang ?? "id";
  const i18n = { lang, dict: dictionary(lang) };
  // The browser gets only what islands translate there.
  const forIslands = { lang, dict: clientDictionary(lang) };
  return (
    <html
      lang={lang}
      data-theme={state.theme && state.theme !== "system"
        ? state.theme
        : undefined}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>
          {state.pageTitle
            ? `${state.pageTitle} · ${t(lang, "app.title")}`
            : t(lang, "app.title")}
        </title>
        <link rel="stylesheet" href={asset("/styles.css")} />
        <link rel="stylesheet" href={asset("/markdown.css")} />
        <link rel="stylesheet" href={asset("/conversation.css")} />
        <link rel="icon" href={asset("/favicon.svg")} type="image/svg+xml" />
      </head>
      <body>
        <I18nContext.Provider value={i18n}>
          <Component />
        </I18nContext.Provider>
        <script
          type="application/json"
          id={I18N_SCRIPT_ID}
          // deno-lint-ignore react-no-danger
          dangerouslySetInnerHTML={{ __html: jsonForScript(forIslands) }}
        />
      </body>
    </html>
  );
}
