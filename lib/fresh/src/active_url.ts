/**
 * Links to the current page and its ancestors, marked as Fresh 1.x marks
 * them on the server, in islands and after a client navigation: the current
 * page's links get `data-current="true"` and `aria-current="page"`, links to
 * an ancestor path (`/` is one of every page) `data-ancestor="true"` and
 * `aria-current="true"`.
 */
import type { VNode } from "preact";

/** How `href` relates to the page at `pathname`. */
export function matchUrl(
  pathname: string,
  href: string,
): "current" | "ancestor" | null {
  const trim = (p: string) => p !== "/" && p.endsWith("/") ? p.slice(0, -1) : p;
  const target = trim(new URL(href, "http://localhost").pathname);
  const here = trim(pathname);
  if (here === target) return "current";
  if (target === "/" || here.startsWith(target + "/")) return "ancestor";
  return null;
}

/** Marks an `<a>` vnode whose root-relative `href` is the page or an ancestor. */
export function markActiveLink(vnode: VNode, pathname: string): void {
  const props = vnode.props as Record<string, unknown>;
  if (typeof props.href !== "string" || !props.href.startsWith("/")) return;
  const match = matchUrl(pathname, props.href);
  if (match === "current") {
    props["data-current"] = "true";
    props["aria-current"] = "page";
  } else if (match === "ancestor") {
    props["data-ancestor"] = "true";
    props["aria-current"] = "true";
  }
}

/** Marks every link of the document for `url` (after a client navigation). */
export function updateLinks(url: URL): void {
  for (const link of document.querySelectorAll("a")) {
    const match = link.origin === url.origin
      ? matchUrl(url.pathname, link.href)
      : null;
    link.removeAttribute("data-current");
    link.removeAttribute("data-ancestor");
    link.removeAttribute("aria-current");
    if (match === "current") {
      link.setAttribute("data-current", "true");
      link.setAttribute("aria-current", "page");
    } else if (match === "ancestor") {
      link.setAttribute("data-ancestor", "true");
      link.setAttribute("aria-current", "true");
    }
  }
}
