/**
 * Revives islands into the server-rendered DOM. Each island's nodes sit
 * between `<!--frsh-ID:N-->` and `<!--/frsh-ID:N-->`; preact hydrates them
 * through a fragment root that spans just that range, so the existing nodes
 * are adopted, not re-created. Server-rendered `children` (between
 * `frsh-slot-N` markers) become vnodes built from their DOM, so they hydrate
 * in place too, and islands inside them are revived once, with their parent.
 */
import { type ComponentType, h, hydrate, type VNode } from "preact";

type Props = Record<string, unknown>;
type Islands = Map<string, ComponentType<Props>>;

const START = /^frsh-([\w-]+):(\d+)$/;

/** Hydrates every top-level island under `root`. */
export function revive(islands: Islands, props: Props[], root: Node): void {
  let node = root.firstChild;
  while (node) {
    const match = node.nodeType === 8 && START.exec((node as Comment).data);
    if (match) {
      const end = findEnd(node, `/frsh-${match[1]}:${match[2]}`);
      const vnode = islandVNode(
        islands,
        props,
        match[1],
        Number(match[2]),
        node,
        end,
      );
      hydrate(vnode, rangeRoot(node as Comment, end) as unknown as Element);
      node = end.nextSibling;
      continue;
    }
    revive(islands, props, node);
    node = node.nextSibling;
  }
}

function findEnd(start: Node, text: string): Comment {
  for (let n = start.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 8 && (n as Comment).data === text) return n as Comment;
  }
  throw new Error(`The island marker ${text} is missing from the page`);
}

function islandVNode(
  islands: Islands,
  props: Props[],
  id: string,
  index: number,
  start: Node,
  end: Node,
): VNode {
  const component = islands.get(id);
  if (!component) throw new Error(`The island ${id} was not loaded`);
  const slot = findSlot(start, end, index);
  const children = slot
    ? rangeToVNodes(islands, props, slot.start, slot.end)
    : undefined;
  return h(
    component,
    children === undefined ? props[index] : { ...props[index], children },
  );
}

/** The slot markers of island `index`, searched in its own DOM range. */
function findSlot(start: Node, end: Node, index: number) {
  const open = `frsh-slot-${index}`, close = `/frsh-slot-${index}`;
  const walk = (n: Node | null, stop: Node | null): Comment | null => {
    for (; n && n !== stop; n = n.nextSibling) {
      if (n.nodeType === 8 && (n as Comment).data === open) return n as Comment;
      const inner = walk(n.firstChild, null);
      if (inner) return inner;
    }
    return null;
  };
  const slotStart = walk(start.nextSibling, end);
  return slotStart
    ? { start: slotStart, end: findEnd(slotStart, close) }
    : null;
}

/** Vnodes that match the DOM between two markers, islands included. */
function rangeToVNodes(
  islands: Islands,
  props: Props[],
  start: Node,
  end: Node | null,
): (VNode | string)[] {
  const out: (VNode | string)[] = [];
  for (let n = start.nextSibling; n && n !== end; n = n.nextSibling) {
    if (n.nodeType === 3) out.push((n as Text).data);
    else if (n.nodeType === 1) {
      out.push(elementToVNode(islands, props, n as Element));
    } else if (n.nodeType === 8) {
      const match = START.exec((n as Comment).data);
      if (!match) continue;
      const islandEnd = findEnd(n, `/frsh-${match[1]}:${match[2]}`);
      out.push(
        islandVNode(islands, props, match[1], Number(match[2]), n, islandEnd),
      );
      n = islandEnd;
    }
  }
  return out;
}

function elementToVNode(islands: Islands, props: Props[], el: Element): VNode {
  const attrs: Props = {};
  for (const attr of el.attributes) {
    if (attr.name.startsWith("on")) continue;
    const isFlag = typeof (el as unknown as Props)[attr.name] === "boolean";
    attrs[attr.name] = isFlag ? true : attr.value;
  }
  const first = document.createComment("");
  el.insertBefore(first, el.firstChild);
  const children = rangeToVNodes(islands, props, first, null);
  first.remove();
  return h(el.localName, attrs, ...children) as VNode;
}

/** A stand-in parent that makes preact render into the nodes between two markers. */
function rangeRoot(start: Comment, end: Comment) {
  const parent = start.parentNode!;
  const nodes = () => {
    const out: Node[] = [];
    for (let n = start.nextSibling; n && n !== end; n = n.nextSibling) {
      out.push(n);
    }
    return out;
  };
  return {
    nodeType: 1,
    parentNode: parent,
    namespaceURI: (parent as Element).namespaceURI,
    ownerDocument: parent.ownerDocument,
    get firstChild() {
      return nodes()[0] ?? null;
    },
    get childNodes() {
      return nodes();
    },
    insertBefore(node: Node, ref: Node | null) {
      return parent.insertBefore(node, ref ?? end);
    },
    appendChild(node: Node) {
      return parent.insertBefore(node, end);
    },
    removeChild(node: Node) {
      return parent.removeChild(node);
    },
  };
}
