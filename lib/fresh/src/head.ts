/**
 * `<Head>` as in Fresh 1.x: its children are collected while the page
 * renders and written into the document's `<head>`; a `<title>` among them
 * replaces the page's title, and keyed elements replace earlier ones with the
 * same key.
 */
import { type ComponentChildren, createContext } from "preact";
import { useContext } from "preact/hooks";

/** Props of `<Head>`. */
export interface HeadProps {
  children: ComponentChildren;
}

/** Where the render collects `<Head>` children. */
export const HEAD_CONTEXT = createContext<ComponentChildren[]>([]);

/** Puts its children into the page's `<head>`; renders nothing in place. */
export function Head(props: HeadProps): null {
  useContext(HEAD_CONTEXT).push(props.children);
  return null;
}
