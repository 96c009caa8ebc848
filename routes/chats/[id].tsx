import type { Handlers, PageProps, RouteConfig } from "$fresh/server.ts";
import Sidebar from "@/islands/Sidebar.tsx";
import ChatView from "@/islands/ChatView.tsx";
import ConfirmForms from "@/islands/ConfirmForms.tsx";
import ImportChat from "@/islands/ImportChat.tsx";
import Shortcuts from "@/islands/Shortcuts.tsx";
import ThemeSwitch from "@/islands/ThemeSwitch.tsx";
import SoundToggle from "@/islands/SoundToggle.tsx";
import { TransferLinks } from "@/components/TransferLinks.tsx";
import { ChatList } from "@/components/ChatList.tsx";
import { LanguageForm } from "@/components/LanguageForm.tsx";
import { SettingsForm } from "@/components/SettingsForm.tsx";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { answerGroups, currentBranch } from "@/lib/chats/branch.ts";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { ModelInfo } from "@/lib/openrouter/models.ts";
import type { AppState } from "@/lib/state.ts";
import { prepareMarkdown } from "@/lib/markdown/prepare.ts";
import { PreparedMarkdown } from "@/lib/markdown/prepared_context.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** What the chat page shows; `routes/index.tsx` shows it for an unsaved new chat too. */
export interface ChatPageData {
  chat: Chat;
  /** The chat is not stored yet: its first message stores it. */
  draft?: boolean;
  chats: Chat[];
  messages: Message[];
  groups: Record<string, string[]>;
  /** Messages left out at the top of a long chat (see `?history=all`). */
  earlier: number;
  models: readonly ModelInfo[];
  /** The answers' HTML, rendered before the page (see `prepare.ts`). */
  prepared: ReadonlyMap<string, string>;
}

export const handler = {
  async GET(_req, ctx) {
    const { store, runner, models: catalog } = ctx.state.services;
    const owner = ctx.state.owner;
    const chat = await store.getChat(owner, ctx.params.id);
    if (!chat) return ctx.renderNotFound();
    // An answer whose writer died shows as interrupted, not typing forever.
    await runner.repair(owner, chat.id);
    const [messages, page, models] = await Promise.all([
      store.listMessages(owner, chat.id),
      store.listChats(owner, { limit: 200, q: searchOf(ctx.url) }),
      catalog.list(),
    ]);
    const branch = currentBranch(messages ?? []);
    const shown = ctx.url.searchParams.get("history") === "all"
      ? Infinity
      : RECENT_MESSAGES;
    // The conversation as it stands (alternatives not chosen stay stored);
    // a long chat opens at its latest messages, which keeps the page fast.
    const shownMessages = branch.slice(-shown);
    const answers = shownMessages.filter((m) => m.role === "assistant");
    const prepared = await prepareMarkdown({
      owner,
      final: answers.filter((m) => m.status !== "streaming").map((m) =>
        m.content
      ),
      growing: answers.filter((m) => m.status === "streaming").map((m) =>
        m.content
      ),
    });
    return ctx.render({
      chat,
      chats: page.chats,
      messages: shownMessages,
      prepared,
      earlier: branch.length - Math.min(shown, branch.length),
      groups: answerGroups(messages ?? []),
      models,
    });
  },
} satisfies Handlers<ChatPageData, AppState>;

/** A chat: the chat list and settings on the side, the conversation in the middle. */
/** How many of a chat's latest messages the page shows by default. */
const RECENT_MESSAGES = 200;

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
  const keyMissing = !state.services.config.openrouterApiKey;
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
        {keyMissing && (
          <p role="alert" class="notice">{t(lang, "key.missing")}</p>
        )}
        {invalid && (
          <p role="alert" class="notice">
            {t(lang, "form.invalid", { field: t(lang, invalid) })}
          </p>
        )}
        <h1 class="chat-title">{data.chat.title}</h1>
        {data.earlier > 0 && (
          <a class="earlier" href={`/chats/${data.chat.id}?history=all`}>
            {t(lang, "chat.earlier", { count: data.earlier })}
          </a>
        )}
        <PreparedMarkdown.Provider value={data.prepared}>
          <ChatView
            chatId={data.chat.id}
            groups={data.groups}
            timeZone={state.timeZone}
            messages={data.messages}
            greeting={t(lang, "chat.greeting")}
          />
        </PreparedMarkdown.Provider>
      </main>
      <aside class="settings-panel">
        <SettingsForm chat={data.chat} models={data.models} />
      </aside>
      <ConfirmForms />
      <Shortcuts />
    </div>
  );
}
