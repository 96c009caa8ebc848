/**
 * Server side of islands, as in Fresh 1.x: every function an `islands/`
 * module exports is an island. While a page renders, an island that is not
 * itself rendered by an island is wrapped in `<!--frsh-ID:N:KEY-->` …
 * `<!--/frsh-ID:N:KEY-->` markers and its props (minus `children`) are
 * recorded for serialization. `children` passed to an island render between
 * `frsh-slot-ID:N:children` markers, where islands count as top-level again.
 * The same render state numbers `<Partial>`s and gives every `<script>` the
 * render's nonce.
 */
import {
  type ComponentChildren,
  type ComponentType,
  createContext,
  Fragment,
  h,
  options,
  type VNode,
} from "preact";
import { useContext } from "preact/hooks";
import { renderToString } from "preact-render-to-string";
import { markActiveLink } from "./active_url.ts";
import { guardStatefulHooks } from "./hook_guard.ts";
import {
  CLIENT_NAV_ATTR,
  Partial,
  partialMode,
  type PartialProps,
} from "./partial.ts";

/** An island known to the server. */
export interface Island {
  /** Unique per export: `<file id>_<export name>`. */
  id: string;
  /** The bundle entry that exports it (one per `islands/` file). */
  file: string;
  exportName: string;
  // deno-lint-ignore no-explicit-any
  component: ComponentType<any>;
}

/** An `islands/` module to register: its file id and its exports. */
export interface IslandFile {
  id: string;
  module: Record<string, unknown>;
}

/** What one render collected: islands used and their props, in DOM order. */
export interface PageRenderState {
  used: Set<Island>;
  /** `label` names the island in errors: its file, and its export unless default. */
  instances: { id: string; label: string; props: Record<string, unknown> }[];
  /** The nonce every `<script>` of this render carries. */
  nonce: string;
  /** Names of the `<Partial>`s rendered, to refuse duplicates. */
  partials: Set<string>;
  /** Some element has `f-client-nav`: the page loads the client navigation. */
  clientNav: boolean;
  /** The page's path, to mark links to it and its ancestors. */
  pathname: string;
  /** A mistake found while rendering, thrown once the render is over. */
  error: Error | null;
  /** Island children not rendered yet, by slot marker. */
  slots: Map<string, unknown>;
}

const InsideIsland = createContext(false);
/** Where the vnode hook keeps an island's key for its marker. */
const KEY_PROP = "__frshKey";
/** The attribute that carries an element's key, as in Fresh. */
const KEY_ATTR = "data-fresh-key";
const HEAD_TAGS = new Set(["meta", "title", "style", "script", "link"]);
// deno-lint-ignore no-explicit-any
const wrappers = new Map<ComponentType<any>, ComponentType<any>>();
let current: PageRenderState | null = null;

/** The render in progress, if any (for `<Partial>` and the script hook). */
export function currentRender(): PageRenderState | null {
  return current;
}

function comment(text: string): VNode {
  // preact-render-to-string prints a Fragment's UNSTABLE_comment as `<!--text-->`.
  return h(Fragment, { UNSTABLE_comment: text } as Record<string, unknown>);
}

/** `node` between `<!--text-->` and `<!--/text-->`. */
export function withMarkers(node: unknown, text: string): VNode {
  return h(Fragment, null, [comment(text), node as VNode, comment(`/${text}`)]);
}

/** Slot content as server content; rendering it takes it off the list of unrendered slots. */
function SlotTracker(props: { id: string; children?: ComponentChildren }) {
  current?.slots.delete(props.id);
  return h(InsideIsland.Provider, { value: false }, props.children as VNode);
}

/**
 * Children an island did not render (say, shown only once opened) go into
 * `<template id="frsh-slot-ID-N-children">`, for the browser to use, as Fresh does.
 */
export function slotTemplates(): string {
  let html = "";
  // Rendering a template can add nested islands and their slots: loop until none is left.
  for (const [id, children] of current?.slots ?? []) {
    current!.slots.delete(id);
    const content = renderToString(
      h(InsideIsland.Provider, { value: false }, children as VNode),
    );
    html += `<template id="${id.replaceAll(":", "-")}">${content}</template>`;
  }
  return html;
}

/** A vnode of the island itself; the vnode hook would turn it into the wrapper again. */
function plain(island: Island, props: Record<string, unknown>): VNode {
  const vnode = h(island.component, props);
  vnode.type = island.component;
  return vnode;
}

function wrap(island: Island) {
  return function IslandRoot(props: Record<string, unknown>) {
    const inside = useContext(InsideIsland);
    const { [KEY_PROP]: key, ...own } = props;
    if (inside || !current) return plain(island, own);
    const { children, ...rest } = own;
    const label = island.exportName === "default"
      ? island.file
      : `${island.file}.${island.exportName}`;
    const index =
      current.instances.push({ id: island.id, label, props: rest }) -
      1;
    current.used.add(island);
    const slotText = `frsh-slot-${island.id}:${index}:children`;
    const slot = children === undefined ? undefined : withMarkers(
      h(SlotTracker, { id: slotText }, children as VNode),
      slotText,
    );
    if (children !== undefined) current.slots.set(slotText, children);
    return withMarkers(
      h(
        InsideIsland.Provider,
        { value: true },
        plain(island, { ...rest, children: slot }),
      ),
      `frsh-${island.id}:${index}:${key ?? ""}`,
    );
  };
}

/** A `<Partial>` while rendering on the server: its children between markers. */
function PartialRoot(props: PartialProps) {
  const inside = useContext(InsideIsland);
  if (inside) {
    throw new Error(
      `<Partial name="${props.name}"> is inside an island: partials belong to server components`,
    );
  }
  if (current) {
    if (current.partials.has(props.name)) {
      throw new Error(
        `Two partials are named "${props.name}": a partial's name must be unique on its page`,
      );
    }
    current.partials.add(props.name);
  }
  const mode = partialMode(props.mode);
  return withMarkers(
    props.children,
    `frsh-partial:${props.name}:${mode}:`,
  );
}

/** Every exported function of each island file, as islands. */
export function islandsOf(files: IslandFile[]): Island[] {
  const out: Island[] = [];
  for (const file of files) {
    for (const [exportName, value] of Object.entries(file.module)) {
      if (typeof value !== "function") continue;
      out.push({
        id: `${file.id}_${exportName}`,
        file: file.id,
        exportName,
        component: value as ComponentType,
      });
    }
  }
  return out;
}

/** Installs the vnode hook that marks islands; call once per server. */
export function registerIslands(files: IslandFile[]): void {
  for (const island of islandsOf(files)) {
    if (!wrappers.has(island.component)) {
      wrappers.set(island.component, wrap(island));
    }
  }
  if ((options as { __frshIslands?: boolean }).__frshIslands) return;
  (options as { __frshIslands?: boolean }).__frshIslands = true;
  guardStatefulHooks({
    inIsland,
    report(error) {
      if (current && !current.error) current.error = error;
    },
  });
  const previous = options.vnode;
  options.vnode = (vnode) => {
    const type = vnode.type;
    if (typeof type === "string") {
      const props = vnode.props as Record<string, unknown>;
      if (type === "script" && current && !props.nonce) {
        props.nonce = current.nonce;
      }
      if (CLIENT_NAV_ATTR in props) {
        if (typeof props[CLIENT_NAV_ATTR] === "boolean") {
          props[CLIENT_NAV_ATTR] = String(props[CLIENT_NAV_ATTR]);
        }
        if (current && props[CLIENT_NAV_ATTR] === "true") {
          current.clientNav = true;
        }
      }
      if (type === "a" && current) markActiveLink(vnode, current.pathname);
      // Keys reach the browser, so that a partial's new list matches the old by key.
      if (current && vnode.key != null && !HEAD_TAGS.has(type)) {
        props[KEY_ATTR] = vnode.key;
      }
    } else {
      // deno-lint-ignore no-explicit-any
      const wrapper = wrappers.get(type as ComponentType<any>);
      if (wrapper) {
        // deno-lint-ignore no-explicit-any
        (vnode as any).type = wrapper;
        if (vnode.key != null) {
          (vnode.props as Record<string, unknown>)[KEY_PROP] = vnode.key;
        }
      } // deno-lint-ignore no-explicit-any
      else if (type === Partial) (vnode as any).type = PartialRoot;
    }
    previous?.(vnode);
  };
}

/** Whether `vnode` renders inside an island (a slot's children do not): render-to-string links each vnode to its parent (`__`). */
function inIsland(vnode: VNode | undefined): boolean {
  for (let v = vnode; v; v = (v as { __?: VNode }).__) {
    if (wrappers.has(v.type as ComponentType)) return true;
    if (
      v.type === InsideIsland.Provider &&
      (v.props as { value?: boolean }).value === false
    ) return false;
  }
  return false;
}

/** Runs a synchronous render while collecting the islands it uses. */
export function collectIslands<T>(
  render: () => T,
  pathname = "/",
): { result: T; state: PageRenderState } {
  const state: PageRenderState = {
    used: new Set(),
    instances: [],
    nonce: crypto.randomUUID().replaceAll("-", ""),
    partials: new Set(),
    clientNav: false,
    pathname,
    error: null,
    slots: new Map(),
  };
  const outer = current;
  current = state;
  try {
    return { result: render(), state };
  } finally {
    current = outer;
  }
}
