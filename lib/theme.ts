/** The colour themes: following the system, or chosen. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The cookie that remembers the chosen theme. */
export const THEME_COOKIE = "theme";

/** The theme a cookie value names, else "system". */
export function themeOf(value: string | undefined): Theme {
  return THEMES.includes(value as Theme) ? value as Theme : "system";
}
