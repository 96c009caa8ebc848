/**
 * `<Partial name>` as in Fresh 1.x: a named region of a page that client-side
 * navigation (`f-client-nav`) replaces with the same-named region of the
 * next page, without loading a full document. `mode` says how: "replace"
 * (the default), "append" or "prepend" the new content.
 */
import type { ComponentChildren, VNode } from "preact";

/** Props of `<Partial>`. */
export interface PartialProps {
  children?: ComponentChildren;
  /** Unique among the page's partials. */
  name: string;
  /** How new content is applied. @default "replace" */
  mode?: "replace" | "append" | "prepend";
}

/** The modes as numbers in the marker `frsh-partial:NAME:MODE:KEY`. */
export const PARTIAL_MODES = ["replace", "append", "prepend"] as const;

/** Query parameter of a request that fetches partials. */
export const PARTIAL_SEARCH_PARAM = "fresh-partial";
/** Attribute that turns client-side navigation on (`"true"`) or off below it. */
export const CLIENT_NAV_ATTR = "f-client-nav";
/** Attribute of a link or button naming the URL to fetch partials from. */
export const PARTIAL_ATTR = "f-partial";

/** Renders its children; the server marks them as the named partial. */
export function Partial(props: PartialProps): VNode {
  return props.children as VNode;
}
Partial.displayName = "Partial";

/** The mode's number, or an error for an unknown one. */
export function partialMode(mode: PartialProps["mode"] = "replace"): number {
  const index = PARTIAL_MODES.indexOf(mode);
  if (index === -1) throw new Error(`Unknown partial mode "${mode}"`);
  return index;
}
