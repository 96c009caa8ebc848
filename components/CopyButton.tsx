import { ActionIcon } from "./ActionIcon.tsx";

/**
 * Copies its message's text (the chat island does, see message_actions.ts);
 * "Copied" is then said by the status inside it and shown by its tooltip.
 */
export function CopyButton(props: { label: string }) {
  return (
    <button
      type="button"
      class="icon-button"
      data-action="copy"
      aria-label={props.label}
      title={props.label}
    >
      <ActionIcon name="copy" />
      <span class="visually-hidden" role="status"></span>
    </button>
  );
}
