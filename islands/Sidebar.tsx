import { useEffect } from "preact/hooks";
import { Icon } from "@/components/Icon.tsx";
import { useT } from "@/lib/i18n/context.ts";
import {
  announcePanel,
  onPanelToggle,
  rememberPanel,
} from "@/lib/client/panels.ts";

/** Where the chat list becomes a drawer; the same width as in styles.css. */
const NARROW = "(max-width: 760px)";
const FOCUSABLE = "a[href],button:not([disabled]),input,select,textarea";

/**
 * The chat list's hide button and its behaviour: on wide screens hiding is
 * remembered (a cookie, so the server renders it hidden); on phones the list
 * is a drawer that traps focus (the rest of the page is inert), closes on
 * Escape or a tap beside it, and gives focus back to what opened it.
 */
export default function Sidebar(props: { cookie: string }) {
  const t = useT();
  useEffect(() => {
    const app = document.querySelector<HTMLElement>(".app")!;
    const aside = document.getElementById("sidebar")!;
    const narrow = matchMedia(NARROW);
    let opener: HTMLElement | null = null;
    const open = () =>
      narrow.matches
        ? app.dataset.drawer === "open"
        : app.dataset.list !== "hidden";
    const rest = () =>
      [...app.children].filter((el) =>
        el !== aside && !el.classList.contains("scrim")
      ) as HTMLElement[];
    const set = (next: boolean, from?: HTMLElement | null) => {
      if (narrow.matches) {
        app.dataset.drawer = next ? "open" : "closed";
        for (const el of rest()) el.inert = next;
        if (next) {
          opener = from ?? document.activeElement as HTMLElement;
          aside.querySelector<HTMLElement>(FOCUSABLE)?.focus();
        } else opener?.focus();
      } else {
        app.dataset.list = next ? "shown" : "hidden";
        rememberPanel(props.cookie, next ? "shown" : "hidden");
        const focus = next
          ? aside.querySelector<HTMLElement>(FOCUSABLE)
          : document.querySelector<HTMLElement>("[data-panel=list]");
        focus?.focus();
      }
      announcePanel("list", next);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!narrow.matches || app.dataset.drawer !== "open") return;
      if (e.key === "Escape") return set(false);
      if (e.key !== "Tab") return;
      // Focus goes round inside the drawer.
      const all = [...aside.querySelectorAll<HTMLElement>(FOCUSABLE)]
        .filter((el) => el.offsetParent !== null);
      const [first, last] = [all[0], all[all.length - 1]];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    const onScrim = () => set(false);
    const scrim = app.querySelector(".scrim");
    const onWidth = () => {
      app.dataset.drawer = "closed";
      for (const el of rest()) el.inert = false;
      announcePanel("list", open());
    };
    const stop = onPanelToggle("list", (e) => set(e.open ?? !open(), e.opener));
    const hide = aside.querySelector("[data-hide-list]");
    const onHide = () => set(false);
    document.addEventListener("keydown", onKey);
    scrim?.addEventListener("click", onScrim);
    hide?.addEventListener("click", onHide);
    narrow.addEventListener("change", onWidth);
    announcePanel("list", open());
    return () => {
      stop();
      document.removeEventListener("keydown", onKey);
      scrim?.removeEventListener("click", onScrim);
      hide?.removeEventListener("click", onHide);
      narrow.removeEventListener("change", onWidth);
    };
  }, []);
  return (
    <button
      type="button"
      class="icon-button"
      data-hide-list
      aria-controls="sidebar"
      aria-label={t("shell.hide_list")}
      title={t("shell.hide_list")}
    >
      <Icon name="sidebar" />
    </button>
  );
}
