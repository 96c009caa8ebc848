import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";

const NARROW = "(max-width: 760px)";

/** The collapsible sidebar; its content is rendered on the server and passed as children. */
export default function Sidebar(props: { children?: ComponentChildren }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  useEffect(() => {
    // Narrow screens start with the list hidden so the conversation gets the width.
    if (globalThis.matchMedia?.(NARROW).matches) setOpen(false);
  }, []);
  return (
    <div class="sidebar-frame" data-open={String(open)}>
      <button
        type="button"
        class="sidebar-toggle"
        aria-expanded={open}
        aria-controls="sidebar"
        onClick={() => setOpen(!open)}
      >
        {open ? t("sidebar.hide") : t("sidebar.show")}
      </button>
      <aside id="sidebar" class="sidebar" hidden={!open}>
        {props.children}
      </aside>
    </div>
  );
}
