import type {
  FreshContext,
  Handlers,
  PageProps,
  RouteConfig,
} from "$fresh/server.ts";
import { ChatShell } from "@/components/ChatShell.tsx";
import { Conversation } from "@/components/Conversation.tsx";
import type { Chat } from "@/lib/chats/types.ts";
import { shownTitle } from "@/lib/chats/app_texts.ts";
import {
  type ConversationData,
  EMPTY_CONVERSATION,
  loadConversation,
} from "@/lib/chats/conversation_view.ts";
import { keyMissing } from "@/lib/generation/prompt.ts";
import { summary } from "@/lib/client/shell_api.ts";
import type { ModelOption } from "@/lib/client/model_options.ts";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { ModelInfo } from "@/lib/openrouter/models.ts";
import type { AppState } from "@/lib/state.ts";
import { shellPrefs } from "@/lib/shell_prefs.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** What the chat page shows; `routes/index.tsx` and `/chats/new` show it for an unsaved new chat too. */
export interface ChatPageData {
  chat: Chat;
  /** The chat is not stored yet: its first message stores it. */
  draft?: boolean;
  chats: Chat[];
  /** The conversation column's history and streaming answer. */
  conversation: ConversationData;
  models: readonly ModelInfo[];
  listHidden?: boolean;
  settingsOpen?: boolean;
  /** No key to answer with: the composer says so and is off. */
  keyMissing: boolean;
}

export const handler = {
  async GET(req, ctx) {
    const { store, runner, models: catalog } = ctx.state.services;
    const owner = ctx.state.owner;
    const chat = await store.getChat(owner, ctx.params.id);
    if (!chat) return ctx.renderNotFound();
    const [conversation, page, models, noKey] = await Promise.all([
      loadConversation({
        store,
        runner,
        owner,
        chatId: chat.id,
        all: ctx.url.searchParams.get("history") === "all",
        lang: ctx.state.lang,
      }),
      store.listChats(owner, { limit: 200, q: searchOf(ctx.url) }),
      catalog.list(),
      keyMissing(ctx.state.services, owner),
    ]);
    ctx.state.pageTitle = shownTitle(chat, ctx.state.lang);
    return ctx.render({
      chat,
      chats: page.chats,
      conversation,
      models,
      ...shellPrefs(req, ctx.url),
      keyMissing: noKey,
    });
  },
} satisfies Handlers<ChatPageData, AppState>;

/** The page of an unsaved new chat (`/`, `/chats/new`): nothing is stored until its first message. */
export async function renderDraft(
  req: Request,
  ctx: FreshContext<AppState, ChatPageData>,
): Promise<Response> {
  const { store, chats, models } = ctx.state.services;
  const [chat, page, list, noKey] = await Promise.all([
    chats.draft(ctx.state),
    store.listChats(ctx.state.owner, { limit: 200, q: searchOf(ctx.url) }),
    models.list(),
    keyMissing(ctx.state.services, ctx.state.owner),
  ]);
  return ctx.render({
    chat,
    draft: true,
    chats: page.chats,
    conversation: EMPTY_CONVERSATION,
    models: list,
    ...shellPrefs(req, ctx.url),
    keyMissing: noKey,
  });
}

/** The list's search text, if any. */
function searchOf(url: URL): string | undefined {
  return url.searchParams.get("q")?.trim().slice(0, 200) || undefined;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: "chat.rename_label",
  model: "settings.model",
  persona: "settings.persona",
  systemPrompt: "settings.system_prompt",
  temperature: "settings.temperature",
  contextMessages: "settings.context",
};

const option = (m: ModelInfo): ModelOption => ({
  id: m.id,
  name: m.name,
  contextLength: m.contextLength,
  prompt: m.pricing.prompt,
  completion: m.pricing.completion,
  free: m.free,
});

/** A chat: the list on the side, the header, the conversation, its settings. */
export default function ChatPage(
  { data, state, url }: PageProps<ChatPageData, AppState>,
) {
  const { lang, services } = state;
  const invalid = FIELD_LABELS[url.searchParams.get("invalid") ?? ""];
  return (
    <ChatShell
      chat={data.chat}
      chats={data.chats.map((c) =>
        summary({ ...c, title: shownTitle(c, lang) })
      )}
      models={data.models.map(option)}
      q={searchOf(url)}
      renaming={url.searchParams.get("rename") ?? undefined}
      timeZone={state.timeZone}
      theme={state.theme}
      listHidden={!!data.listHidden}
      settingsOpen={!!data.settingsOpen}
      signOut={services.config.appPassword
        ? t(lang, "login.sign_out")
        : undefined}
      appTitle={t(lang, "app.title")}
      notices={
        <>
          {invalid && (
            <p role="alert" class="notice">
              {t(lang, "form.invalid", { field: t(lang, invalid) })}
            </p>
          )}
        </>
      }
    >
      <Conversation
        chat={data.chat}
        data={data.conversation}
        timeZone={state.timeZone}
        keyMissing={data.keyMissing}
      />
    </ChatShell>
  );
}
