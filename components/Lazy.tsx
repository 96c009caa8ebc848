import type { ComponentChildren } from "preact";

/** The interactive parts whose code loads after the page (see `islands/Enhance.tsx`). */
export type LazyPart = "list" | "settings" | "model" | "shortcuts";

/**
 * Server-rendered markup that becomes interactive once the page is idle:
 * `islands/Enhance.tsx` loads the part's code then and hydrates it here with
 * `props`. Until then (and without JavaScript) the markup's plain forms and
 * links work. `display: contents`, so the wrapper takes no place in layout.
 */
export function Lazy(
  props: { part: LazyPart; props: unknown; children: ComponentChildren },
) {
  return (
    <div
      class="lazy"
      data-lazy={props.part}
      data-props={JSON.stringify(props.props)}
    >
      {props.children}
    </div>
  );
}
