/**
 * Server side of islands: while a page renders, every island component that is
 * not itself inside an island is wrapped in `<!--frsh-ID:N-->…<!--/frsh-ID:N-->`
 * markers and its props (minus `children`) are recorded for serialization.
 * `children` passed to an island render between `frsh-slot-N` markers, where
 * islands count as top-level again.
 */
import {
  type ComponentType,
  createContext,
  Fragment,
  h,
  options,
  type VNode,
} from "preact";
import { useContext } from "preact/hooks";

/** An island known to the server: its id (the bundle entry) and component. */
export interface Island {
  id: string;
  // deno-lint-ignore no-explicit-any
  component: ComponentType<any>;
}

/** What one render collected: islands used and their props, in DOM order. */
export interface IslandRenderState {
  used: Set<string>;
  instances: { id: string; props: Record<string, unknown> }[];
}

const InsideIsland = createContext(false);
// deno-lint-ignore no-explicit-any
const wrappers = new Map<ComponentType<any>, ComponentType<any>>();
let current: IslandRenderState | null = null;

function comment(text: string): VNode {
  // preact-render-to-string prints a Fragment's UNSTABLE_comment as `<!--text-->`.
  return h(Fragment, { UNSTABLE_comment: text } as Record<string, unknown>);
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
    if (inside || !current) return plain(island, props);
    const { children, ...rest } = props;
    const index = current.instances.push({ id: island.id, props: rest }) - 1;
    current.used.add(island.id);
    const marker = `${island.id}:${index}`;
    const slot = children === undefined ? undefined : h(Fragment, null, [
      comment(`frsh-slot-${index}`),
      h(InsideIsland.Provider, { value: false }, children as VNode),
      comment(`/frsh-slot-${index}`),
    ]);
    return h(Fragment, null, [
      comment(`frsh-${marker}`),
      h(
        InsideIsland.Provider,
        { value: true },
        plain(island, { ...rest, children: slot }),
      ),
      comment(`/frsh-${marker}`),
    ]);
  };
}

/** Installs the vnode hook that marks islands; call once per server. */
export function registerIslands(islands: Island[]): void {
  for (const island of islands) {
    if (!wrappers.has(island.component)) {
      wrappers.set(island.component, wrap(island));
    }
  }
  if ((options as { __frshIslands?: boolean }).__frshIslands) return;
  (options as { __frshIslands?: boolean }).__frshIslands = true;
  const previous = options.vnode;
  options.vnode = (vnode) => {
    // deno-lint-ignore no-explicit-any
    const wrapper = wrappers.get(vnode.type as ComponentType<any>);
    // deno-lint-ignore no-explicit-any
    if (wrapper) (vnode as any).type = wrapper;
    previous?.(vnode);
  };
}

/** Runs a synchronous render while collecting the islands it uses. */
export function collectIslands<T>(
  render: () => T,
): { result: T; state: IslandRenderState } {
  const state: IslandRenderState = { used: new Set(), instances: [] };
  const outer = current;
  current = state;
  try {
    return { result: render(), state };
  } finally {
    current = outer;
  }
}
