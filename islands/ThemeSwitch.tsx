import { useState } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";
import { type Theme, THEME_COOKIE, THEMES } from "@/lib/theme.ts";

/** Light, dark, or following the system; remembered in a cookie so the server renders it. */
export default function ThemeSwitch(props: { theme: Theme }) {
  const t = useT();
  const [theme, setTheme] = useState(props.theme);
  const choose = (next: Theme) => {
    setTheme(next);
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    document.cookie =
      `${THEME_COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
  };
  return (
    <label class="theme-switch">
      <span class="label-text">{t("theme.label")}</span>
      <select
        value={theme}
        onChange={(e) => choose(e.currentTarget.value as Theme)}
      >
        {THEMES.map((value) => (
          <option value={value} selected={value === theme}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
