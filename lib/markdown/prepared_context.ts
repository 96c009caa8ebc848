/**
 * The HTML of a page's message texts, rendered by the route before the page
 * (see `prepare.ts`), keyed by text. A context rather than props: the texts
 * reach the chat island, whose props go to the browser, and this must not.
 */
import { createContext } from "preact";

/** Prepared HTML by message text; undefined where a page prepared none. */
export const PreparedMarkdown = createContext<
  ReadonlyMap<string, string> | undefined
>(undefined);
