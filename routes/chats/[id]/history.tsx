import type { Handlers } from "$fresh/server.ts";
import { renderToString } from "preact-render-to-string";
import { History } from "@/components/History.tsx";
import { loadConversation } from "@/lib/chats/conversation_view.ts";
import { I18nContext } from "@/lib/i18n/context.ts";
import { dictionary } from "@/lib/i18n/mod.ts";
import { PreparedMarkdown } from "@/lib/markdown/prepared_context.ts";
import type { AppState } from "@/lib/state.ts";

export const handler = {
  /**
   * The chat's history as the page renders it, as an HTML fragment: the
   * browser puts it in place of its own after a turn or a change of version;
   * 204 when there is no such chat (any more). `?keep=` names answers the
   * browser shows already: their bodies come empty, for it to move in.
   */
  async GET(_req, ctx) {
    const { store, runner } = ctx.state.services;
    const { owner, lang } = ctx.state;
    const chat = await store.getChat(owner, ctx.params.id);
    // Deleted meanwhile (the page is on its way elsewhere): nothing to show.
    if (!chat) return new Response(null, { status: 204 });
    const data = await loadConversation({
      store,
      runner,
      owner,
      chatId: chat.id,
      all: ctx.url.searchParams.get("history") === "all",
      lang,
      keep: new Set(
        ctx.url.searchParams.get("keep")?.split(",").slice(0, 20) ?? [],
      ),
    });
    const html = renderToString(
      <I18nContext.Provider value={{ lang, dict: dictionary(lang) }}>
        <PreparedMarkdown.Provider value={data.prepared}>
          <History chat={chat} data={data} timeZone={ctx.state.timeZone} />
        </PreparedMarkdown.Provider>
      </I18nContext.Provider>,
    );
    return new Response(html, {
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  },
} satisfies Handlers<unknown, AppState>;
