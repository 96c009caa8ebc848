import { useEffect, useRef } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";

/**
 * An in-page confirmation: a modal dialog (focus stays inside) that opens
 * at once, with the action's verb and "Cancel"; Escape cancels.
 */
export function ConfirmDialog(
  props: {
    title: string;
    body: string;
    confirm: string;
    onConfirm: () => void;
    onCancel: () => void;
  },
) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div class="dialog-actions">
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t("shell.cancel")}
        </button>
        <button type="button" class="danger solid" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
