import type { ComponentChildren } from "preact";
import AppSettings from "@/islands/AppSettings.tsx";
import ChatTitle from "@/islands/ChatTitle.tsx";
import Enhance from "@/islands/Enhance.tsx";
import PanelButton from "@/islands/PanelButton.tsx";
import Sidebar from "@/islands/Sidebar.tsx";
import ChatListPanel from "./ChatListPanel.tsx";
import ChatSettings from "./ChatSettings.tsx";
import ModelPicker from "./ModelPicker.tsx";
import Shortcuts from "./Shortcuts.tsx";
import { Partial } from "$fresh/runtime.ts";
import { Lazy } from "./Lazy.tsx";
import { ImportChat } from "./ImportChat.tsx";
import type { Chat } from "@/lib/chats/types.ts";
import { personaName, personaPrompt, PERSONAS } from "@/lib/chats/personas.ts";
import type { ChatSummary } from "@/lib/client/shell_api.ts";
import type { ModelOption } from "@/lib/client/model_options.ts";
import { shownTitle } from "@/lib/chats/app_texts.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";
import type { Theme } from "@/lib/theme.ts";
import { LIST_COOKIE, PANEL_COOKIE } from "@/lib/shell_prefs.ts";
import { Icon } from "./Icon.tsx";
import { ActionIcon } from "./ActionIcon.tsx";

/** What the shell around a conversation shows. */
export interface ChatShellProps {
  chat: Chat;
  chats: ChatSummary[];
  models: ModelOption[];
  q?: string;
  renaming?: string;
  timeZone: string;
  theme: Theme;
  listHidden: boolean;
  settingsOpen: boolean;
  signOut?: string;
  appTitle: string;
  /** Notices above the conversation (a missing key, a refused form). */
  notices?: ComponentChildren;
  /** The conversation: one block, the message list and the composer. */
  children: ComponentChildren;
}

/**
 * The app shell: the chat list on the left (a drawer on phones), the header
 * (title, model, chat settings) over the conversation, and the chat
 * settings panel. The page does not scroll: `.conversation-column` is a flex
 * column of the height left, in which only the message list scrolls.
 */
export function ChatShell(props: ChatShellProps) {
  const t = useT();
  const lang = useLang();
  const { chat } = props;
  // Where the list's plain forms come back to: this chat, or a new one.
  const back = props.chats.some((c) => c.id === chat.id)
    ? `/chats/${chat.id}`
    : "/chats/new";
  const list = {
    chats: props.chats,
    currentId: chat.id,
    q: props.q,
    timeZone: props.timeZone,
    back,
    renaming: props.renaming,
  };
  const model = { chatId: chat.id, model: chat.model, models: props.models };
  const settings = {
    chatId: chat.id,
    open: props.settingsOpen,
    cookie: PANEL_COOKIE,
    values: {
      persona: chat.persona,
      systemPrompt: chat.systemPrompt,
      temperature: chat.temperature,
      contextMessages: chat.contextMessages,
    },
    personas: PERSONAS.map((id) => ({
      id,
      name: personaName(id, lang),
      prompt: personaPrompt(id, lang),
    })),
  };
  return (
    <Partial name="chat-page">
      {/* Keyed: switching chats (a partial swap) remounts the whole shell. */}
      <div
        key={chat.id}
        class="app"
        data-list={props.listHidden ? "hidden" : "shown"}
        data-drawer="closed"
      >
        <aside id="sidebar" class="sidebar">
          <div class="sidebar-head">
            <a class="sidebar-item new-chat" href="/chats/new">
              <Icon name="compose" />
              {t("shell.new_chat")}
            </a>
            <Sidebar cookie={LIST_COOKIE} />
          </div>
          <Lazy part="list" props={list}>
            <ChatListPanel {...list} />
          </Lazy>
          <div class="sidebar-foot">
            {/* The Settings dialog needs a script; importing does not. */}
            <noscript>
              <ImportChat />
            </noscript>
            <AppSettings
              theme={props.theme}
              signOut={!!props.signOut}
              signOutLabel={props.signOut ?? ""}
            />
          </div>
        </aside>
        <div class="main-column">
          <header class="chat-header">
            <PanelButton
              panel="list"
              label={t("shell.show_list")}
              icon="sidebar"
              href="#sidebar"
              controls="sidebar"
              expanded={!props.listHidden}
            />
            <ChatTitle
              chatId={chat.id}
              title={shownTitle(chat, lang)}
              appTitle={props.appTitle}
            />
            <Lazy part="model" props={model}>
              <ModelPicker {...model} />
            </Lazy>
            {
              /* Hidden until the page's shortcuts run and the chat shows an
                answer (lib/client/copy_last.ts); the answer's own Copy
                announces the copy. */
            }
            <button
              type="button"
              class="icon-button copy-last"
              data-copy-last
              hidden
              aria-label={t("msg.copy_last")}
              title={t("msg.copy_last")}
            >
              <ActionIcon name="copy" />
            </button>
            <PanelButton
              panel="settings"
              label={t("shell.chat_settings")}
              icon="sliders"
              href="?settings=open"
              controls="chat-settings"
              expanded={props.settingsOpen}
            />
          </header>
          {props.notices}
          <main id="main" class="conversation-column">{props.children}</main>
        </div>
        <Lazy part="settings" props={settings}>
          <ChatSettings {...settings} />
        </Lazy>
        <div class="scrim" />
        <Lazy part="shortcuts" props={{}}>
          <Shortcuts />
        </Lazy>
        <Enhance key={chat.id} />
      </div>
    </Partial>
  );
}
