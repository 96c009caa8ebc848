import { useT } from "@/lib/i18n/context.ts";
import { Icon } from "./Icon.tsx";

/** ‹ 2/3 ›: pages through the alternative answers of one question. */
export function AlternativePager(
  props: {
    index: number;
    total: number;
    onSelect: (index: number) => void;
    disabled?: boolean;
  },
) {
  const t = useT();
  const { index, total } = props;
  return (
    <span
      class="alt-pager"
      role="group"
      aria-label={t("msg.alt_position", { n: index + 1, total })}
    >
      <button
        type="button"
        class="ghost"
        aria-label={t("msg.alt_previous")}
        disabled={props.disabled || index === 0}
        onClick={() => props.onSelect(index - 1)}
      >
        <Icon name="chevronLeft" />
      </button>
      <span aria-hidden="true">{index + 1}/{total}</span>
      <button
        type="button"
        class="ghost"
        aria-label={t("msg.alt_next")}
        disabled={props.disabled || index === total - 1}
        onClick={() => props.onSelect(index + 1)}
      >
        <Icon name="chevronRight" />
      </button>
    </span>
  );
}
