import { useEffect, useState } from "preact/hooks";
import { Icon, type IconName } from "@/components/Icon.tsx";
import { onPanelState, type Panel, togglePanel } from "@/lib/client/panels.ts";

/**
 * A header button that opens a panel (the chat list, the chat settings).
 * Without JavaScript it is a link the server or CSS answers (`href`).
 */
export default function PanelButton(
  props: {
    panel: Panel;
    label: string;
    icon: IconName;
    href: string;
    controls: string;
    expanded: boolean;
  },
) {
  const [expanded, setExpanded] = useState(props.expanded);
  useEffect(() => onPanelState(props.panel, setExpanded), []);
  const toggle = (e: Event) => {
    e.preventDefault();
    togglePanel({ panel: props.panel, opener: e.currentTarget as HTMLElement });
  };
  return (
    <a
      href={props.href}
      role="button"
      class="icon-button"
      data-panel={props.panel}
      aria-controls={props.controls}
      aria-expanded={expanded}
      aria-label={props.label}
      title={props.label}
      onClick={toggle}
      onKeyDown={(e) => e.key === " " && toggle(e)}
    >
      <Icon name={props.icon} />
    </a>
  );
}
