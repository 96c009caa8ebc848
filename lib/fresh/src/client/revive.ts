/**
 * Revives islands and partials as Fresh 1.x's runtime does: each top-level
 * island or partial of the page becomes its own preact root spanning the
 * nodes between its markers, and is `render()`ed there (not hydrated: props
 * are applied to the server's nodes, so `disabled={!IS_BROWSER}` is lifted),
 * one task each. The marker comments are replaced by empty text nodes.
 */
import { render, type VNode } from "preact";
import {
  findEnd,
  hideMarker,
  markedVNode,
  readMarker,
  type Source,
} from "./vnodes.ts";

/** A top-level island or partial found in the DOM, ready to render. */
export interface Root {
  vnode: VNode;
  parent: RangeRoot;
}

/** Finds every top-level island and partial under `node`, hiding their markers. */
export function findRoots(
  source: Source,
  node: Node,
  out: Root[] = [],
): Root[] {
  for (let n: Node | null = node.firstChild; n; n = n.nextSibling) {
    const marker = readMarker(n);
    if (marker && marker.kind !== "end" && marker.kind !== "slot") {
      const end = findEnd(n);
      const vnode = markedVNode(source, marker, n, end);
      const start = hideMarker(n);
      const stop = hideMarker(end);
      if (vnode) out.push({ vnode, parent: rangeRoot(start, stop) });
      n = stop;
    } else if (n.nodeType === 1 && n.nodeName !== "SCRIPT") {
      findRoots(source, n, out);
    }
  }
  return out;
}

/** Renders each root in its own task; resolves when all are rendered. */
export function renderRoots(roots: Root[]): Promise<void> {
  const scheduler = (globalThis as {
    scheduler?: { postTask(fn: () => void): Promise<void> };
  }).scheduler;
  return Promise.all(roots.map(({ vnode, parent }) => {
    const run = () => render(vnode, parent as unknown as Element);
    // A task per root, so one big island does not hold the others back.
    return scheduler
      ? scheduler.postTask(run)
      : new Promise<void>((resolve) =>
        setTimeout(() => {
          run();
          resolve();
        }, 0)
      );
  })).then(() => {});
}

/** A stand-in parent that makes preact render into the nodes between two markers. */
export type RangeRoot = ReturnType<typeof rangeRoot>;

function rangeRoot(start: Node, end: Node) {
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
    nextSibling: null,
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
    contains(node: Node | null) {
      return !!node && nodes().some((n) => n.contains(node));
    },
  };
}
