/**
 * Server-side i18n: the dictionaries of both languages, language negotiation
 * and `t()`. Islands use `./context.ts`, which receives only the dictionary of
 * the page's language, so the other one is never shipped to the browser.
 */
import { interpolate } from "./define.ts";
import { app } from "./messages/app.ts";
import { chat } from "./messages/chat.ts";
import { commands } from "./messages/commands.ts";
import { transfer } from "./messages/transfer.ts";
import { upstream } from "./messages/upstream.ts";
import { security } from "./messages/security.ts";
import { ui } from "./messages/ui.ts";
import { message } from "./messages/message.ts";
import { quota } from "./messages/quota.ts";
import { conversation } from "./messages/conversation.ts";
import { account } from "./messages/account.ts";
import { shell } from "./messages/shell.ts";

const groups = [
  app,
  chat,
  upstream,
  commands,
  transfer,
  security,
  ui,
  message,
  quota,
  conversation,
  account,
  shell,
] as const;

type Merge<T extends readonly { en: object }[]> = T extends
  readonly [infer H extends { en: object }, ...infer R extends { en: object }[]]
  ? H["en"] & Merge<R>
  : unknown;

/** Every message key of the UI. */
export type MessageKey = keyof Merge<typeof groups>;
/** A full dictionary: every key, in one language. */
export type Dictionary = Record<MessageKey, string>;
/** The UI languages; Indonesian is the default. */
export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];
export const DEFAULT_LANG: Lang = "id";
/** The cookie that holds the language the user chose. */
export const LANG_COOKIE = "lang";

const dictionaries: Record<Lang, Dictionary> = {
  en: Object.assign({}, ...groups.map((g) => g.en)),
  id: Object.assign({}, ...groups.map((g) => g.id)),
};

/** The dictionary of one language. */
export function dictionary(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/**
 * Key prefixes of the strings that islands use in the browser: only these
 * travel with the page (`_app`), the rest stays on the server.
 */
export const CLIENT_KEY_PREFIXES = [
  "sidebar.",
  "log.",
  "msg.",
  "composer.",
  "import.",
  "transfer.",
  "theme.",
  "shortcuts.",
  "shell.",
  "settings.",
] as const;

/** The part of `lang`'s dictionary that islands need in the browser. */
export function clientDictionary(lang: Lang): Partial<Dictionary> {
  const all = dictionaries[lang];
  return Object.fromEntries(
    Object.entries(all).filter(([key]) =>
      CLIENT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))
    ),
  ) as Partial<Dictionary>;
}

/** Translates `key` into `lang`, filling `{placeholders}` from `params`. */
export function t(
  lang: Lang,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return interpolate(dictionaries[lang][key], params);
}

/** Whether `value` names a UI language. */
export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}

/**
 * Picks the UI language: an explicit choice (`?lang=`), then the cookie,
 * then the browser's `Accept-Language` preferences, else Indonesian.
 */
export function negotiateLang(
  choice: string | null | undefined,
  cookie: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Lang {
  if (isLang(choice)) return choice;
  if (isLang(cookie)) return cookie;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...attrs] = part.trim().split(";");
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((p) => p.tag && Number.isFinite(p.q) && p.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (base === "id" || base === "in" || base === "ms") return "id";
    if (base === "en") return "en";
  }
  return DEFAULT_LANG;
}
