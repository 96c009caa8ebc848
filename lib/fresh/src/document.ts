/**
 * Puts the layer's tags into the HTML a page rendered: `<Head>` children and
 * preloads at the end of `<head>` (a `<Head>` title in place of the page's
 * own), boot scripts at the end of `<body>`.
 */
import {
  type ComponentChildren,
  h,
  isValidElement,
  toChildArray,
  type VNode,
} from "preact";
import { renderToString } from "preact-render-to-string";

function elements(nodes: ComponentChildren[]): VNode[] {
  return toChildArray(nodes).filter(isValidElement) as VNode[];
}

/** The last `<title>` given to `<Head>`, as HTML, or null. */
export function headTitle(nodes: ComponentChildren[]): string | null {
  const title = elements(nodes).findLast((n) => n.type === "title");
  return title ? renderToString(title) : null;
}

/** `<Head>` children other than the title, a later key replacing an earlier one. */
export function renderHeadNodes(
  nodes: ComponentChildren[],
  nonce: string,
): string {
  const plain: VNode[] = [];
  const keyed = new Map<unknown, VNode>();
  for (const node of elements(nodes)) {
    if (node.type === "title") continue;
    if (node.key != null) keyed.set(node.key, node);
    else plain.push(node);
  }
  return [...plain, ...keyed.values()].map((node) => {
    const props = node.props as Record<string, unknown>;
    return renderToString(
      node.type === "script" && !props.nonce
        ? h("script", { ...props, nonce }) as VNode
        : node,
    );
  }).join("");
}

/** Where each part goes. */
export interface DocumentParts {
  /** What the page rendered. */
  body: string;
  /** Appended to `<head>`. */
  head: string;
  /** Replaces the page's `<title>` when set. */
  title: string | null;
  /** Appended to `<body>`. */
  end: string;
}

/** The page's HTML with the layer's parts in place. */
export function assemble(parts: DocumentParts): string {
  let html = parts.body;
  if (parts.end) {
    const at = html.lastIndexOf("</body>");
    html = at === -1
      ? html + parts.end
      : html.slice(0, at) + parts.end + html.slice(at);
  }
  let head = parts.head;
  let close = html.indexOf("</head>");
  if (parts.title) {
    const open = html.indexOf("<title");
    if (close !== -1 && open !== -1 && open < close) {
      const end = html.indexOf("</title>", open) + "</title>".length;
      html = html.slice(0, open) + html.slice(end);
      close = html.indexOf("</head>");
    }
    head = parts.title + head;
  }
  if (!head) return html;
  if (close !== -1) return html.slice(0, close) + head + html.slice(close);
  const root = /^<html\b[^>]*>/.exec(html);
  return root
    ? root[0] + `<head>${head}</head>` + html.slice(root[0].length)
    : head + html;
}
