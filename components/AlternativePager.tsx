import { useT } from "@/lib/i18n/context.ts";
import { ActionIcon } from "./ActionIcon.tsx";

/** ‹ 2/3 ›: pages through the versions of a message (regenerated answers, edits). */
export function AlternativePager(
  props: { versions: string[]; current: string },
) {
  const t = useT();
  const { versions } = props;
  const index = versions.indexOf(props.current);
  const total = versions.length;
  const page = (
    to: number,
    label: string,
    icon: "chevronLeft" | "chevronRight",
  ) => (
    <button
      type="button"
      class="icon-button"
      data-action="version"
      data-version={versions[to]}
      aria-label={label}
      title={label}
      disabled={to < 0 || to >= total}
    >
      <ActionIcon name={icon} />
    </button>
  );
  return (
    <span
      class="alt-pager"
      role="group"
      aria-label={t("msg.alt_position", { n: index + 1, total })}
    >
      {page(index - 1, t("msg.alt_previous"), "chevronLeft")}
      <span class="alt-count">{index + 1}/{total}</span>
      {page(index + 1, t("msg.alt_next"), "chevronRight")}
    </span>
  );
}
