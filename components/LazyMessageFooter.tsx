import { h } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MessageFooter, MessageFooterProps } from "./MessageFooter.tsx";

let loaded: typeof MessageFooter | null = null;

/**
 * The chat island's message footer: its code (actions, times) loads with the
 * first finished message of the page's turns, not with the page; the
 * history's footers are the server's HTML.
 */
export function LazyMessageFooter(props: MessageFooterProps) {
  const [, setReady] = useState(!!loaded);
  useEffect(() => {
    if (loaded) return;
    import("./MessageFooter.tsx").then((m) => {
      loaded = m.MessageFooter;
      setReady(true);
    }, () => {/* offline: the message reads fine without */});
  }, []);
  return loaded ? h(loaded, props) : null;
}
