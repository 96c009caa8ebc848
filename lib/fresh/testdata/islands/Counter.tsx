import type { ComponentChildren } from "preact";
import type { Signal } from "@preact/signals";
import Badge from "./Badge.tsx";

/** A fixture island: a counter over a shared signal, with server-rendered children. */
export default function Counter(
  props: { count: Signal<number>; label: string; children?: ComponentChildren },
) {
  return (
    <div class="counter">
      <button type="button" onClick={() => props.count.value++}>
        {props.label} {props.count}
      </button>
      <Badge text="inner" />
      {props.children}
    </div>
  );
}
