import { useEffect } from "preact/hooks";

/** Asks before submitting any form marked `data-confirm` (deleting chats). */
export default function ConfirmForms() {
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      const question = form.dataset.confirm;
      if (question && !confirm(question)) event.preventDefault();
    };
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, []);
  return null;
}
