/**
 * The browser entry of the islands runtime. The page's inline module script
 * (it carries the CSP nonce) imports this and the page's islands, then calls
 * `boot()`. A page with `f-client-nav` also loads the client navigation.
 */
import { deserialize, type SignalFactory } from "../deserializer.ts";
import { findRoots, renderRoots } from "./revive.ts";
import type { Registry } from "./vnodes.ts";
import type * as Nav from "./navigate.ts";
import { options } from "preact";
import { markActiveLink } from "../active_url.ts";

// Links that islands render are marked like the server's.
const previous = options.vnode;
options.vnode = (vnode) => {
  if (vnode.type === "a") markActiveLink(vnode, location.pathname);
  previous?.(vnode);
};

/** What a page's boot script passes besides its islands and props. */
export interface BootOptions {
  /** The client navigation, when the page uses `f-client-nav`. */
  navUrl?: string;
  /** `signal()`, when the page's props hold signals. */
  signal?: SignalFactory;
}

/**
 * Revives the page's islands; `stateId` names the JSON script with their
 * props.
 */
export async function boot(
  islands: Registry,
  stateId: string | null,
  options: BootOptions = {},
): Promise<void> {
  const { navUrl, signal } = options;
  const buildId = new URL(import.meta.url).pathname.split("/").at(-2);
  (globalThis as { __FRSH_BUILD_ID?: string }).__FRSH_BUILD_ID = buildId;
  const text = stateId && document.getElementById(stateId)?.textContent;
  const props = text
    ? (deserialize(JSON.parse(text).props, signal) as Record<
      string,
      unknown
    >[])
    : [];
  if (navUrl) loadClientNav(navUrl);
  await renderRoots(findRoots({ islands, props }, document.body));
  // Lets tests and tools know that every island is interactive.
  document.documentElement.dataset.islands = "ready";
}

/**
 * Starts the client navigation once the page is idle, or sooner when the
 * pointer or focus reaches an element: until then a click is an ordinary
 * navigation, which is what `f-client-nav` falls back to anyway.
 */
function loadClientNav(navUrl: string): void {
  const intents = ["pointerover", "focusin", "touchstart"] as const;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const type of intents) removeEventListener(type, start, true);
    import(navUrl).then((nav: typeof Nav) => nav.startClientNav());
  };
  for (const type of intents) {
    addEventListener(type, start, { capture: true, passive: true });
  }
  const idle = globalThis.requestIdleCallback;
  if (idle) idle(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
