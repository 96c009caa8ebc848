/**
 * i18n for components and islands. On the server `_app` provides the page's
 * dictionary; in the browser it is read once from the `#i18n` JSON script
 * that `_app` writes, so island bundles carry no dictionary.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { interpolate } from "./define.ts";
import type { Dictionary, Lang, MessageKey } from "./mod.ts";

/** What components need to translate: the language and its dictionary. */
export interface I18n {
  lang: Lang;
  dict: Dictionary;
}

/** The id of the JSON script that carries the page's dictionary. */
export const I18N_SCRIPT_ID = "i18n";

/** Provides the page's language and dictionary to every component below. */
export const I18nContext = createContext<I18n | null>(null);

let fromPage: I18n | null = null;

function readPageI18n(): I18n {
  if (fromPage) return fromPage;
  const script = typeof document === "undefined"
    ? null
    : document.getElementById(I18N_SCRIPT_ID);
  if (!script?.textContent) {
    throw new Error(
      "No i18n dictionary on the page: render the page through _app.tsx",
    );
  }
  fromPage = JSON.parse(script.textContent) as I18n;
  return fromPage;
}

/** The translate function of a `useT()` call. */
export type Translate = (
  key: MessageKey,
  params?: Record<string, string | number>,
) => string;

/** The page's language. */
export function useLang(): Lang {
  const context = useContext(I18nContext);
  return (context ?? readPageI18n()).lang;
}

/** A `t(key, params)` in the page's language. */
export function useT(): Translate {
  const context = useContext(I18nContext);
  const { dict } = context ?? readPageI18n();
  return (key, params) => interpolate(dict[key], params);
}
