/** The shell's remembered layout: cookies the server reads to render it. */
import { getCookie } from "@/lib/http/cookies.ts";

/** Cookie: "hidden" when the chat list is hidden on wide screens. */
export const LIST_COOKIE = "chatai_list";
/** Cookie: "open" when the chat settings panel is open on wide screens. */
export const PANEL_COOKIE = "chatai_panel";

/** The layout a request's cookies (and `?settings=open`, the no-script button) ask for. */
export function shellPrefs(
  req: Request,
  url: URL,
): { listHidden: boolean; settingsOpen: boolean } {
  return {
    listHidden: getCookie(req.headers, LIST_COOKIE) === "hidden",
    settingsOpen: url.searchParams.get("settings") === "open" ||
      getCookie(req.headers, PANEL_COOKIE) === "open",
  };
}
