/**
 * The shell's panels (the chat list, the chat settings) are opened from
 * buttons in other islands: a toggle asks, the panel's island decides and
 * says whether it is open, so every button's `aria-expanded` follows.
 */

/** A panel of the shell. */
export type Panel = "list" | "settings";

const ASK = "chatai:panel-toggle";
const SAY = "chatai:panel-state";

interface PanelEvent {
  panel: Panel;
  open?: boolean;
  opener?: HTMLElement | null;
}

function listen(name: string, panel: Panel, fn: (e: PanelEvent) => void) {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<PanelEvent>).detail;
    if (detail.panel === panel) fn(detail);
  };
  addEventListener(name, listener);
  return () => removeEventListener(name, listener);
}

/** Asks the panel to open or close (`open` unset: the other way). */
export function togglePanel(detail: PanelEvent): void {
  dispatchEvent(new CustomEvent(ASK, { detail }));
}

/** The panel's island hears toggles with this. */
export function onPanelToggle(panel: Panel, fn: (e: PanelEvent) => void) {
  return listen(ASK, panel, fn);
}

/** The panel's island says whether it is open. */
export function announcePanel(panel: Panel, open: boolean): void {
  dispatchEvent(new CustomEvent(SAY, { detail: { panel, open } }));
}

/** Buttons hear whether their panel is open with this. */
export function onPanelState(panel: Panel, fn: (open: boolean) => void) {
  return listen(SAY, panel, (e) => fn(!!e.open));
}

/** Remembers a panel's state in a cookie, so the server renders it so. */
export function rememberPanel(name: string, value: string): void {
  document.cookie = `${name}=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
