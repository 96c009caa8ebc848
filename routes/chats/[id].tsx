import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import Sidebar from "@/islands/Sidebar.tsx";
import ConfirmForms from "@/islands/ConfirmForms.tsx";
import ImportChat from "@/islands/ImportChat.tsx";
import Shortcuts from "@/islands/Shortcuts.tsx";
import ThemeSwitch from "@/islands/ThemeSwitch.tsx";
import SoundToggle from "@/islands/SoundToggle.tsx";
import { TransferLinks } from "@/components/TransferLinks.tsx";
import { ChatList } from "@/components/ChatList.tsx";
import { LanguageForm } from "@/components/LanguageForm.tsx";
import { SettingsForm } from "@/components/SettingsForm.tsx";
import { Conversation } from "@/components/Conversation.tsx";
import type { Chat } from "@/lib/chats/types.ts";
import { shownTitle } from "@/lib/chats/app_texts.ts";
import {
  type ConversationData,
  loadConversation,
} from "@/lib/chats/conversation_view.ts";
import { keyMissing } from "@/lib/generation/prompt.ts";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { ModelInfo } from "@/lib/openrouter/models.ts";
import type { AppState } from "@/lib/state.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** What the chat page shows; `routes/index.tsx` shows it for an unsaved new chat too. */
export interface ChatPageData {
  chat: Chat;
  /** The chat is not stored yet: its first message stores it. */
  draft?: boolean;
  chats: Chat[];
  /** The conversation column's history and streaming answer. */
  conversation: ConversationData;
  models: readonly ModelInfo[];
  /** No key to answer with: the composer says so and is off. */
  keyMissing: boolean;
}

export const handler = {
  async GET(_req, ctx) {
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
    return ctx.render({
      chat,
      chats: page.chats,
      conversation,
      models,
      keyMissing: noKey,
    });
  },
} satisfies Handlers<ChatPageData, AppState>;

/** The sidebar's search text, if any. */
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

export default function ChatPage(
  { data, state, url }: PageProps<ChatPageData, AppState>,
) {
  const { lang } = state;
  const invalid = FIELD_LABELS[url.searchParams.get("invalid") ?? ""];
  return (
    <div class="app">
      <Sidebar>
        <ChatList
          chats={data.chats}
          currentId={data.chat.id}
          q={searchOf(url)}
        />
        {!data.draft && <TransferLinks chatId={data.chat.id} />}
        <ImportChat />
        <ThemeSwitch theme={state.theme} />
        <SoundToggle />
        <LanguageForm action={data.draft ? "/" : `/chats/${data.chat.id}`} />
        {state.services.config.appPassword && (
          <form method="post" action="/logout">
            <button type="submit" class="secondary">
              {t(lang, "login.sign_out")}
            </button>
          </form>
        )}
      </Sidebar>
      <main id="main" class="main">
        {invalid && (
          <p role="alert" class="notice">
            {t(lang, "form.invalid", { field: t(lang, invalid) })}
          </p>
        )}
        <h1 class="chat-title">{shownTitle(data.chat, lang)}</h1>
        <Conversation
          chat={data.chat}
          data={data.conversation}
          timeZone={state.timeZone}
          keyMissing={data.keyMissing}
        />
      </main>
      <aside class="settings-panel">
        <SettingsForm chat={data.chat} models={data.models} />
      </aside>
      <ConfirmForms />
      <Shortcuts />
    </div>
  );
}
