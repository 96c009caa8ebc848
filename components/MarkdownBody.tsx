import { IS_BROWSER } from "$fresh/runtime.ts";
import { useContext, useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { renderLoaded } from "@/lib/markdown/engine.ts";
import { MarkdownView } from "@/lib/markdown/view.ts";
import { PreparedMarkdown } from "@/lib/markdown/prepared_context.ts";
import { useT } from "@/lib/i18n/context.ts";

// In the browser the body's nodes belong to MarkdownView: an unchanging
// `__html` makes preact keep them (and hydration keeps the server's).
const KEEP = { __html: "" };

/**
 * A message text as markdown: rendered to safe HTML on the server, and in
 * the browser kept (history) or rendered incrementally (a streaming answer).
 */
export function MarkdownBody(props: { text: string; final: boolean }) {
  const t = useT();
  const prepared = useContext(PreparedMarkdown);
  const ref = useRef<HTMLDivElement>(null);
  const view = useRef<MarkdownView | null>(null);
  useLayoutEffect(() => {
    view.current ??= new MarkdownView(ref.current!, {
      copyCode: t("msg.copy_code"),
      copied: t("msg.copied"),
    });
    view.current.show(props.text, props.final);
  }, [props.text, props.final]);
  useEffect(() => () => view.current?.dispose(), []);
  const html = IS_BROWSER
    ? KEEP
    : { __html: prepared?.get(props.text) ?? renderLoaded(props.text) };
  return (
    <div
      ref={ref}
      class="message-text markdown"
      // deno-lint-ignore react-no-danger
      dangerouslySetInnerHTML={html}
    />
  );
}
