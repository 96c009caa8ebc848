/**
 * Turns server-rendered DOM into vnodes, the way Fresh 1.x revives it: the
 * nodes between an island's markers become that island's vnode (its
 * `children` slot built from the slot's DOM), the nodes between a partial's
 * markers a `PartialRoot` whose children are the DOM's elements and text.
 * Markers are read here and hidden by `hideMarker()`.
 */
import {
  Component,
  type ComponentChildren,
  type ComponentType,
  h,
  type VNode,
} from "preact";

type Props = Record<string, unknown>;
/** Island id → component. */
export type Registry = Record<string, ComponentType<Props>>;

/** The islands and props that vnodes are built from. */
export interface Source {
  islands: Registry;
  props: Props[];
}

/** What a comment marks. */
export type Marker =
  | { kind: "island"; id: string; index: number; key: string }
  | { kind: "slot" }
  | { kind: "partial"; name: string; mode: number }
  | { kind: "end" };

/** Reads a layer comment, or null for any other node. */
export function readMarker(node: Node): Marker | null {
  if (node.nodeType !== 8) return null;
  const text = (node as Comment).data;
  if (text.startsWith("/frsh-")) return { kind: "end" };
  if (text.startsWith("frsh-slot-")) return { kind: "slot" };
  if (text.startsWith("frsh-partial:")) {
    const [, name, mode] = text.split(":");
    return { kind: "partial", name, mode: Number(mode) };
  }
  if (text.startsWith("frsh-")) {
    const [id, index, key = ""] = text.slice(5).split(":");
    return { kind: "island", id, index: Number(index), key };
  }
  return null;
}

/** The end marker that closes the one at `start` (markers nest as siblings). */
export function findEnd(start: Node): Node {
  let depth = 0;
  for (let n = start.nextSibling; n; n = n.nextSibling) {
    const marker = readMarker(n);
    if (!marker) continue;
    if (marker.kind !== "end") depth++;
    else if (depth-- === 0) return n;
  }
  throw new Error(`The end of ${(start as Comment).data} is missing`);
}

/** Replaces a marker comment with an empty text node (as Fresh does), which it returns. */
export function hideMarker(node: Node): Node {
  if (node.nodeType !== 8 || !node.parentNode) return node;
  const text = (node.ownerDocument ?? document).createTextNode("");
  node.parentNode.replaceChild(text, node);
  return text;
}

/** Live partials by name. */
export const partials = new Map<string, PartialRoot>();

/** A partial in the browser: its content can be swapped by client navigation. */
export class PartialRoot extends Component<
  { name: string; mode: number; children?: ComponentChildren }
> {
  override componentDidMount(): void {
    partials.set(this.props.name, this);
  }
  override componentWillUnmount(): void {
    if (partials.get(this.props.name) === this) {
      partials.delete(this.props.name);
    }
  }
  render(): ComponentChildren {
    return this.props.children;
  }
}

/** The vnode of the island or partial between `start` and its `end`. */
export function markedVNode(
  source: Source,
  marker: Marker,
  start: Node,
  end: Node,
): VNode | null {
  if (marker.kind === "partial") {
    return h(
      PartialRoot,
      { name: marker.name, mode: marker.mode },
      rangeToVNodes(source, start.nextSibling, end),
    ) as VNode;
  }
  if (marker.kind !== "island") return null;
  const component = source.islands[marker.id];
  if (!component) throw new Error(`The island ${marker.id} was not loaded`);
  const props = { ...source.props[marker.index] };
  const slot = findSlot(start, end, marker);
  if (slot) {
    props.children = rangeToVNodes(source, slot.nextSibling, findEnd(slot));
  } else {
    // Children the island did not render on the server wait in a template.
    const template = start.ownerDocument?.getElementById(
      `frsh-slot-${marker.id}-${marker.index}-children`,
    ) as HTMLTemplateElement | null;
    if (template) {
      const content = template.content.cloneNode(true);
      props.children = rangeToVNodes(source, content.firstChild, null);
    }
  }
  const vnode = h(component, props);
  if (marker.key) vnode.key = marker.key;
  return vnode;
}

/** The island's `children` slot start, searched inside its own range. */
function findSlot(start: Node, end: Node, island: Marker & { kind: "island" }) {
  const text = `frsh-slot-${island.id}:${island.index}:children`;
  const walk = (n: Node | null, stop: Node | null): Node | null => {
    for (; n && n !== stop; n = n.nextSibling) {
      if (n.nodeType === 8 && (n as Comment).data === text) return n;
      const inner = n.nodeType === 1 ? walk(n.firstChild, null) : null;
      if (inner) return inner;
    }
    return null;
  };
  return walk(start.nextSibling, end);
}

/** Vnodes of the nodes from `first` up to (without) `end`; null: to the last. */
export function rangeToVNodes(
  source: Source,
  first: Node | null,
  end: Node | null,
): (VNode | string)[] {
  const out: (VNode | string)[] = [];
  for (let n = first; n && n !== end; n = n.nextSibling) {
    if (n.nodeType === 3) {
      out.push((n as Text).data);
      continue;
    }
    if (n.nodeType === 1) {
      out.push(elementToVNode(source, n as Element));
      continue;
    }
    const marker = readMarker(n);
    if (!marker || marker.kind === "end" || marker.kind === "slot") continue;
    const close = findEnd(n);
    const vnode = markedVNode(source, marker, n, close);
    if (vnode) out.push(vnode);
    n = close;
  }
  return out;
}

function elementToVNode(source: Source, el: Element): VNode {
  const props: Props = {};
  for (const attr of el.attributes) {
    // Inline handlers never run under the page's CSP; preact would bind strings.
    if (attr.name.startsWith("on")) continue;
    if (attr.name === "data-fresh-key") {
      props.key = attr.value;
      continue;
    }
    // A boolean attribute present is true whatever its text.
    const isFlag = typeof (el as unknown as Props)[attr.name] === "boolean";
    props[attr.name] = isFlag ? true : attr.value;
  }
  const children = el.localName === "template"
    ? []
    : rangeToVNodes(source, el.firstChild, null);
  return h(el.localName, props, ...children) as VNode;
}
