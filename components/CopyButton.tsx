import { useState } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton(
  props: { text: string; label: string; action?: string },
) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="secondary"
      aria-label={props.label}
      data-action={props.action}
      onClick={async () => {
        await navigator.clipboard.writeText(props.text);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? t("msg.copied") : props.label}
      <span class="visually-hidden" role="status">
        {copied ? t("msg.copied") : ""}
      </span>
    </button>
  );
}
