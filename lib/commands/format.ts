/** Locale-aware formatting shared by the command texts. */
import type { Lang } from "@/lib/i18n/mod.ts";

/** The Intl locale of a UI language. */
export function localeOf(lang: Lang): string {
  return lang === "id" ? "id-ID" : "en-GB";
}

/** `text` as an inline code span, safe whatever backticks it holds. */
export function codeSpan(text: string): string {
  const longest = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map((r) => r.length),
  );
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
