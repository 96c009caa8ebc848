import { useLang, useT } from "@/lib/i18n/context.ts";
import { LANGS } from "@/lib/i18n/mod.ts";

/** The language switch; a plain GET form, so it works without JavaScript. */
export function LanguageForm(props: { action?: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <form method="get" action={props.action} class="language-form">
      <label>
        <span class="label-text">{t("lang.label")}</span>
        <select name="lang" aria-label={t("lang.label")}>
          {LANGS.map((code) => (
            <option value={code} selected={code === lang}>
              {t(code === "id" ? "lang.id" : "lang.en")}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">{t("lang.apply")}</button>
    </form>
  );
}
