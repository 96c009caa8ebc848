/** One click listener for every message action of the log; the actions' code loads with the first click. */
import type { Translate } from "@/lib/i18n/context.ts";
import type { ConversationController } from "./conversation_controller.ts";

/** Sends `log`'s `data-action` clicks to message_actions.ts; returns the function that stops it. */
export function delegateActions(
  log: HTMLElement,
  controller: ConversationController,
  t: Translate,
): () => void {
  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLButtonElement>(
      "button[data-action]",
    );
    if (!button || !log.contains(button) || button.disabled) return;
    import("./message_actions.ts").then(
      ({ act }) => act(button, controller, t),
      () =>
        controller.dispatch({
          type: "problem",
          problem: { key: "msg.unreachable_retry" },
        }),
    );
  };
  log.addEventListener("click", onClick);
  return () => log.removeEventListener("click", onClick);
}
