import { IS_BROWSER } from "$fresh/runtime.ts";
import { type Dispatch, type StateUpdater, useState } from "preact/hooks";

const keep = () => {};

/**
 * `useState` for the parts the server renders outside an island and the
 * browser makes interactive later (`components/Lazy.tsx`). Fresh refuses
 * state outside islands on the server, and a server render has no later
 * state anyway: there it is the initial value. `IS_BROWSER` never changes
 * within one environment, so the hook order stays the same in each.
 */
export function useLazyState<T>(
  initial: T | (() => T),
): [T, Dispatch<StateUpdater<T>>] {
  if (!IS_BROWSER) {
    const value = typeof initial === "function"
      ? (initial as () => T)()
      : initial;
    return [value, keep];
  }
  // deno-lint-ignore react-rules-of-hooks
  return useState(initial);
}
