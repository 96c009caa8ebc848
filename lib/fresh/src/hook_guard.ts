/**
 * As in Fresh 1.x, `useState` and `useReducer` outside an island are an
 * error: on the server nothing would ever update that state, and the browser
 * never runs that component.
 */
import { options, type VNode } from "preact";

/** preact's hook-state option (mangled `_hook`). */
type HookOptions = {
  __h?: (component: { __v?: VNode }, index: number, type: number) => void;
};
const USE_STATE = 1, USE_REDUCER = 2;

/** Reports a stateful hook called by a component that `inIsland` says is not in one. */
export function guardStatefulHooks(input: {
  inIsland: (vnode: VNode | undefined) => boolean;
  report: (error: Error) => void;
}): void {
  const hooks = options as HookOptions;
  const previous = hooks.__h;
  hooks.__h = (component, index, type) => {
    if (
      (type === USE_STATE || type === USE_REDUCER) &&
      !input.inIsland(component.__v)
    ) {
      const name = type === USE_STATE ? "useState" : "useReducer";
      input.report(
        new Error(
          `Hook "${name}" cannot be used outside of an island component: move the state into an island, or share it with a signal`,
        ),
      );
    }
    previous?.(component, index, type);
  };
}
