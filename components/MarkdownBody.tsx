import { IS_BROWSER } from "$fresh/runtime.ts";
import { useContext, useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { MarkdownView } from "@/lib/markdown/view.ts";
import { PreparedMarkdown } from "@/lib/markdown/prepared_context.ts";
import { useT } from "@/lib/i18n/context.ts";

// In the browser the body's nodes belong to MarkdownView: an unchanging
// `__html` makes preact keep them (and hydration keeps the server's).
const KEEP = { __html: "" };

/**
 * A message text as markdown: rendered to safe HTML on the server, and in
 * the browser rendered incrementally while it streams. The view's code is
 * loaded with the first streaming answer, not with the page.
 */
export function MarkdownBody(props: { text: string; final: boolean }) {
  const t = useT();
  const prepared = useContext(PreparedMarkdown);
  const ref = useRef<HTMLDivElement>(null);
  const view = useRef<MarkdownView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  /** The text the DOM shows as the server rendered it, if it did. */
  const rendered = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (view.current) return view.current.show(props.text, props.final);
    const root = ref.current!;
    if (rendered.current === null) {
      rendered.current = root.hasChildNodes() ? props.text : "";
    }
    // Until the view loads, new text shows as it is.
    if (!rendered.current) root.textContent = props.text;
    // With the engine loaded too, a server rendering is replaced in one
    // task: the answer never shrinks to plain text on the way.
    Promise.all([
      import("@/lib/markdown/view.ts"),
      rendered.current
        ? import("@/lib/markdown/engine.ts").then((m) => m.loadMarkdownEngine())
        : null,
    ]).then(([{ MarkdownView }]) => {
      if (view.current || !root.isConnected) return;
      const { text, final } = latest.current;
      // The view keeps a server rendering of exactly this text; else it renders.
      if (rendered.current !== text) root.replaceChildren();
      view.current = new MarkdownView(root, {
        copyCode: t("msg.copy_code"),
        copied: t("msg.copied"),
      });
      view.current.show(text, final);
    }, () => {/* offline: the text stays plain */});
  }, [props.text, props.final]);
  useEffect(() => () => view.current?.dispose(), []);
  // The page prepares every answer's HTML (prepare.ts); one it did not
  // prepare shows as plain text until the browser renders it.
  const ready = prepared?.get(props.text);
  const html = IS_BROWSER
    ? KEEP
    : ready === undefined
    ? undefined
    : { __html: ready };
  return html === undefined
    ? <div ref={ref} class="message-text markdown">{props.text}</div>
    : (
      <div
        ref={ref}
        class="message-text markdown"
        // deno-lint-ignore react-no-danger
        dangerouslySetInnerHTML={html}
      />
    );
}
