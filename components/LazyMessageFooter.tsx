import { h } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MessageFooter, MessageFooterProps } from "./MessageFooter.tsx";

let loaded: typeof MessageFooter | null = null;
let loading: Promise<typeof MessageFooter> | undefined;
const loadFooter = () =>
  loading ??= import("./MessageFooter.tsx").then(
    (m) => loaded = m.MessageFooter,
    (error) => {
      loading = undefined; // offline: the next footer tries again
      throw error;
    },
  );

/**
 * The chat island's message footer: its code (actions, times) loads with the
 * first finished message of the page's turns, not with the page; the
 * history's footers are the server's HTML.
 */
export function LazyMessageFooter(props: MessageFooterProps) {
  const [Footer, setFooter] = useState(() => loaded);
  useEffect(() => {
    if (Footer) return;
    // Every footer waits for the one load: the code can arrive between this
    // footer's first render and this effect, which runs after a frame.
    let mounted = true;
    loadFooter().then(
      (footer) => mounted && setFooter(() => footer),
      () => {/* offline: the message reads fine without */},
    );
    return () => {
      mounted = false;
    };
  }, []);
  return Footer ? h(Footer, props) : null;
}
