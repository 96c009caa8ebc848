/**
 * Client-side navigation as in Fresh 1.x: inside an element with
 * `f-client-nav="true"`, a click on a same-origin link (or a button with
 * `f-partial`) and a form's submit fetch the next page with `?fresh-partial=true`
 * and swap each `<Partial>` of the answer into the live partial of the same
 * name, pushing a history entry; the back and forward buttons fetch the
 * partials of the address they return to. Anything else is a normal load.
 */
import { applyPartials, NoPartialsError } from "./apply_partials.ts";
import {
  CLIENT_NAV_ATTR,
  PARTIAL_ATTR,
  PARTIAL_SEARCH_PARAM,
} from "../partial.ts";
import { options, type VNode } from "preact";

interface NavState {
  index: number;
  scrollX: number;
  scrollY: number;
}

let index = 0;
let started = false;

/** `f-client-nav={true}` renders as the attribute value "true", as on the server. */
function clientNavAttr(vnode: VNode): void {
  const props = vnode.props as Record<string, unknown>;
  if (
    typeof vnode.type === "string" &&
    typeof props[CLIENT_NAV_ATTR] === "boolean"
  ) {
    props[CLIENT_NAV_ATTR] = String(props[CLIENT_NAV_ATTR]);
  }
}

/** Listens for clicks, submits and history moves (once per page). */
export function startClientNav(): void {
  if (started) return;
  started = true;
  const previous = options.vnode;
  options.vnode = (vnode) => {
    clientNavAttr(vnode);
    previous?.(vnode);
  };
  index = (history.state as NavState | null)?.index ?? 0;
  if (!history.state) {
    history.replaceState({ index, scrollX, scrollY }, document.title);
  }
  document.addEventListener("click", onClick);
  // Lets tests and tools know that links now navigate in place.
  document.documentElement.dataset.clientNav = "ready";
  document.addEventListener("submit", onSubmit);
  addEventListener("popstate", onPopState);
}

function enabled(el: Element | null): boolean {
  if (el === null) {
    return document.querySelector(`[${CLIENT_NAV_ATTR}="true"]`) !== null;
  }
  return el.closest(`[${CLIENT_NAV_ATTR}]`)?.getAttribute(CLIENT_NAV_ATTR) ===
    "true";
}

function pushHistory(next: URL): void {
  if (next.href === location.href) return;
  history.replaceState({ index, scrollX, scrollY }, "", location.href);
  index++;
  history.pushState({ index, scrollX: 0, scrollY: 0 }, "", next.href);
}

async function onClick(e: MouseEvent): Promise<void> {
  const target = e.target;
  if (!(target instanceof Element)) return;
  const link = target.closest("a");
  if (link) {
    if (
      !link.href || (link.target && link.target !== "_self") ||
      link.origin !== location.origin || e.button !== 0 ||
      e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.defaultPrevented ||
      link.hasAttribute("download") ||
      link.getAttribute("href")?.startsWith("#") || !enabled(link)
    ) return;
    e.preventDefault();
    const next = new URL(link.href);
    pushHistory(next);
    await fetchPartials(
      new URL(link.getAttribute(PARTIAL_ATTR) ?? next.href, location.href),
    );
    scrollTo({ left: 0, top: 0, behavior: "instant" });
    return;
  }
  const button = target.closest("button");
  if (button && (button.type !== "submit" || button.form === null)) {
    const partial = button.getAttribute(PARTIAL_ATTR);
    if (partial === null || !enabled(button)) return;
    await fetchPartials(new URL(partial, location.href));
  }
}

async function onSubmit(e: SubmitEvent): Promise<void> {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || e.defaultPrevented) return;
  if (!enabled(form) || (e.submitter && !enabled(e.submitter))) return;
  const method = (e.submitter?.getAttribute("formmethod") ?? form.method)
    .toLowerCase();
  if (method !== "get" && method !== "post") return;
  const action = e.submitter?.getAttribute(PARTIAL_ATTR) ??
    e.submitter?.getAttribute("formaction") ??
    form.getAttribute(PARTIAL_ATTR) ?? form.action;
  if (!action) return;
  e.preventDefault();
  const url = new URL(action, location.href);
  const data = new FormData(form, e.submitter);
  let init: RequestInit | undefined;
  if (method === "get") {
    for (const [key, value] of data) url.searchParams.set(key, String(value));
  } else {
    init = { method, body: data };
  }
  pushHistory(url);
  await fetchPartials(url, init);
}

async function onPopState(e: PopStateEvent): Promise<void> {
  if (e.state === null) return; // a fragment navigation
  const state = e.state as NavState;
  index = state.index ?? index + 1;
  if (!enabled(null)) {
    location.reload();
    return;
  }
  history.scrollRestoration = "manual";
  try {
    await fetchPartials(new URL(location.href));
    scrollTo({ left: state.scrollX, top: state.scrollY, behavior: "instant" });
  } catch (error) {
    if (!(error instanceof NoPartialsError)) throw error;
    location.reload();
  }
}

/** Fetches `url`'s partials and swaps them into the page. */
export async function fetchPartials(
  url: URL,
  init: RequestInit = {},
): Promise<void> {
  url.searchParams.set(PARTIAL_SEARCH_PARAM, "true");
  const res = await fetch(url, { ...init, redirect: "follow" });
  await applyPartials(res);
}
