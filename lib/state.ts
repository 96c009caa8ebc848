import type { Lang } from "./i18n/mod.ts";
import type { Services } from "./app.ts";
import type { Theme } from "./theme.ts";
import type { PublicAccount } from "./accounts/types.ts";

/** What the root middleware puts in `ctx.state` for every request. */
export interface AppState {
  lang: Lang;
  services: Services;
  /** The owner of the session: every chat read or written belongs to it. */
  owner: string;
  /** The signed-in account (its chats are `owner`'s), when there is one. */
  account?: PublicAccount;
  /** The id of the signed-in session, when there is one. */
  sessionId?: string;
  /** The anonymous owner of this browser's session cookie (the owner when not signed in). */
  anonymousOwner: string;
  /** The browser's IANA time zone (from the `tz` cookie), else APP_TIMEZONE. */
  timeZone: string;
  /** The client's address: the socket's peer, or what a trusted proxy forwards. */
  clientAddress: string;
  /** The colour theme the visitor chose (from the `theme` cookie). */
  theme: Theme;
  /** The page's own part of the tab title (a chat's title), set by its handler. */
  pageTitle?: string;
}
