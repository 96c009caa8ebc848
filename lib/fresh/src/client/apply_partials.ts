/**
 * Applies a page fetched for client navigation: its islands are imported and
 * its props read, each of its `<Partial>`s is built from its HTML and swapped
 * into the live partial of the same name ("replace", "append" or "prepend"),
 * and the title, stylesheets and current links follow the new page.
 */
import {
  type ComponentChildren,
  type ComponentType,
  Fragment,
  h,
  isValidElement,
  type VNode,
} from "preact";
import { deserialize } from "../deserializer.ts";
import { PARTIAL_MODES } from "../partial.ts";
import { updateLinks } from "../active_url.ts";
import {
  findEnd,
  markedVNode,
  partials,
  readMarker,
  type Registry,
  type Source,
} from "./vnodes.ts";

/** The answer held no partial: only a full load can show it. */
export class NoPartialsError extends Error {}

/** Swaps the partials of `res`, a page answered to `?fresh-partial`. */
export async function applyPartials(res: Response): Promise<void> {
  if (!res.headers.get("Content-Type")?.startsWith("text/html")) {
    throw new Error(`Unable to process partial response from ${res.url}`);
  }
  const uuid = res.headers.get("X-Fresh-UUID");
  const doc = new DOMParser().parseFromString(await res.text(), "text/html");
  const data = doc.getElementById(`__FRSH_PARTIAL_DATA_${uuid}`)?.textContent;
  const islands: Registry = {};
  if (data) {
    const mapping = JSON.parse(data).islands as Record<
      string,
      { url: string; export: string }
    >;
    await Promise.all(
      Object.entries(mapping).map(async ([id, { url, export: name }]) => {
        islands[id] = (await import(url))[name] as ComponentType<
          Record<string, unknown>
        >;
      }),
    );
  }
  const stateText = doc.getElementById(`__FRSH_STATE_${uuid}`)?.textContent;
  const signalsUrl = data
    ? JSON.parse(data).signals as string | undefined
    : undefined;
  const signal = signalsUrl ? (await import(signalsUrl)).signal : undefined;
  const props = stateText
    ? deserialize(JSON.parse(stateText).props, signal) as Record<
      string,
      unknown
    >[]
    : [];
  const found = collect({ islands, props }, doc.body);
  if (found.length === 0) {
    throw new NoPartialsError(`No partial in the answer from ${res.url}`);
  }
  if (doc.title) document.title = doc.title;
  for (const link of doc.head.querySelectorAll("link[rel=stylesheet]")) {
    const href = (link as HTMLLinkElement).href;
    if (![...document.styleSheets].some((s) => s.href === href)) {
      document.head.appendChild(document.importNode(link, true));
    }
  }
  for (const { name, mode, vnode } of found) {
    const live = partials.get(name);
    if (!live) {
      console.warn(`Partial "${name}" is not on this page; skipped`);
      continue;
    }
    (live.props as { children?: unknown }).children = combine(
      PARTIAL_MODES[mode],
      live.props.children,
      vnode.props.children,
    );
    live.forceUpdate();
  }
  updateLinks(new URL(location.href));
}

function combine(
  mode: (typeof PARTIAL_MODES)[number],
  old: unknown,
  next: unknown,
): unknown {
  if (mode === "replace") return next;
  const list = (Array.isArray(old) ? old : [old]).map((child, i) =>
    keyed(child, i)
  );
  const added = keyed(next, list.length);
  return mode === "append" ? [...list, added] : [added, ...list];
}

function keyed(child: unknown, key: number): VNode {
  const vnode = isValidElement(child)
    ? child
    : h(Fragment, null, child as ComponentChildren);
  if (vnode.key == null) vnode.key = key;
  return vnode;
}

/** Top-level partials of a parsed answer. */
function collect(source: Source, node: Node) {
  const out: { name: string; mode: number; vnode: VNode }[] = [];
  for (let n: Node | null = node.firstChild; n; n = n.nextSibling) {
    const marker = readMarker(n);
    if (marker?.kind === "partial") {
      const end = findEnd(n);
      const vnode = markedVNode(source, marker, n, end)!;
      out.push({ name: marker.name, mode: marker.mode, vnode });
      n = end;
    } else if (n.nodeType === 1) {
      out.push(...collect(source, n));
    }
  }
  return out;
}
