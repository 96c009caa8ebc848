import { useEffect, useState } from "preact/hooks";
import type { ConversationState } from "./conversation.ts";
import type { ConversationController } from "./conversation_controller.ts";

/** The controller's state, re-rendering the island on every change. */
export function useConversation(
  controller: ConversationController,
): ConversationState {
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    setState(controller.state);
    return controller.subscribe(() => setState(controller.state));
  }, [controller]);
  return state;
}
