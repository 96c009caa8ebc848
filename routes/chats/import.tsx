import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import { ApiError, ERROR_STATUS } from "@/lib/http/api.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { useT } from "@/lib/i18n/context.ts";
import type { AppState } from "@/lib/state.ts";
import { importUpload } from "@/lib/transfer/upload.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** What the page shows: why the file was refused, or the warnings of an import. */
type Data =
  | { error: string; back: string }
  | { count: number; warnings: string[]; open: string };

export const handler = {
  /** Nothing to show without a form post. */
  GET() {
    return seeOther("/");
  },

  /**
   * The "Import chat" form without JavaScript: opens the first imported
   * chat, or shows the warnings first, or says why the file was refused.
   */
  async POST(req, ctx) {
    const back = sameSiteChatPage(req, ctx.url);
    try {
      const { chats, warnings } = await importUpload(req, ctx);
      const open = `/chats/${chats[0].id}`;
      if (warnings.length === 0) return seeOther(open);
      return ctx.render({ count: chats.length, warnings, open });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return ctx.render({ error: error.message, back }, {
        status: ERROR_STATUS[error.code],
      });
    }
  },
} satisfies Handlers<Data, AppState>;

/** The chat page the form was sent from, so "back" returns there; else the start page. */
function sameSiteChatPage(req: Request, url: URL): string {
  try {
    const referer = new URL(req.headers.get("Referer") ?? "");
    if (
      referer.origin === url.origin && referer.pathname.startsWith("/chats/")
    ) {
      return referer.pathname;
    }
  } catch {
    // No or a malformed Referer: fall through.
  }
  return "/";
}

/** The outcome of a form import that cannot simply redirect. */
export default function ImportOutcomePage({ data }: PageProps<Data, AppState>) {
  const t = useT();
  if ("error" in data) {
    return (
      <main class="error-page">
        <h1>{t("transfer.import_error_title")}</h1>
        <p role="alert" class="notice">{data.error}</p>
        <a href={data.back}>{t("transfer.import_back")}</a>
      </main>
    );
  }
  return (
    <main class="error-page">
      <h1>{t("transfer.import_done", { count: data.count })}</h1>
      <p>{t("transfer.import_warnings")}</p>
      <ul class="import-warnings">
        {data.warnings.map((warning, i) => <li key={i}>{warning}</li>)}
      </ul>
      <a href={data.open}>{t("transfer.import_open")}</a>
    </main>
  );
}
