import { useEffect, useState } from "preact/hooks";
import type { ConversationState } from "./conversation.ts";
import type { ConversationController } from "./conversation_controller.ts";

/** Whether two selections hold the same values (one level deep). */
function same<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || !a || !b) return false;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length &&
    keys.every((k) => Object.is(a[k], b[k]));
}

/**
 * What `select` takes from the controller's state, re-rendering the island
 * only when that changes (the composer need not re-render for every token).
 */
export function useConversation<T = ConversationState>(
  controller: ConversationController,
  select: (state: ConversationState) => T = (s) => s as T,
): T {
  const [value, setValue] = useState(() => select(controller.state));
  useEffect(() => {
    const update = () => {
      const next = select(controller.state);
      setValue((now) => same(now, next) ? now : next);
    };
    update();
    return controller.subscribe(update);
  }, [controller]);
  return value;
}
