/** Fixture islands: named exports (no default), an `npm:` import, a Uint8Array prop. */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { stringify } from "npm:smol-toml@1.9.1";
import { IS_BROWSER } from "../../runtime.ts";

/** Disabled until the island runs in the browser. */
export function SaveButton(props: { label: string }) {
  const [saved, setSaved] = useState(false);
  return (
    <button
      type="button"
      disabled={!IS_BROWSER}
      onClick={() => setSaved(true)}
    >
      {saved ? "Saved" : props.label}
    </button>
  );
}

/** Shows what it received, once in the browser. */
export function Bytes(props: { data: Uint8Array }) {
  const text = !IS_BROWSER
    ? "not yet"
    : props.data instanceof Uint8Array
    ? `${props.data.length} bytes, ${
      stringify({ first: props.data[0] }).trim()
    }`
    : "no bytes";
  return <output>{text}</output>;
}

/** Shows its server-rendered children only once opened. */
export function Disclosure(
  props: { label: string; children?: ComponentChildren },
) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>{props.label}</button>
      {open && props.children}
    </div>
  );
}
