import type {
  FreshContext,
  Handlers,
  PageProps,
  RouteConfig,
} from "$fresh/server.ts";
import ChatView from "@/islands/ChatView.tsx";
import { ChatShell } from "@/components/ChatShell.tsx";
import type { Chat, Message } from "@/lib/chats/types.ts";
import { answerGroups, currentBranch } from "@/lib/chats/branch.ts";
import { summary } from "@/lib/client/shell_api.ts";
import type { ModelOption } from "@/lib/client/model_options.ts";
import { type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { ModelInfo } from "@/lib/openrouter/models.ts";
import type { AppState } from "@/lib/state.ts";
import { shellPrefs } from "@/lib/shell_prefs.ts";
import { prepareMarkdown } from "@/lib/markdown/prepare.ts";
import { PreparedMarkdown } from "@/lib/markdown/prepared_context.ts";

/** The page's CSP comes from `useCSP` in `_app`, with the framework's nonce. */
export const config: RouteConfig = { csp: true };

/** What the chat page shows; `routes/index.tsx` and `/chats/new` show it for an unsaved new chat too. */
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
  listHidden?: boolean;
  settingsOpen?: boolean;
}

export const handler = {
  async GET(req, ctx) {
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
    ctx.state.pageTitle = chat.title;
    return ctx.render({
      chat,
      chats: page.chats,
      messages: shownMessages,
      prepared,
      earlier: branch.length - Math.min(shown, branch.length),
      groups: answerGroups(messages ?? []),
      models,
      ...shellPrefs(req, ctx.url),
    });
  },
} satisfies Handlers<ChatPageData, AppState>;

/** The page of an unsaved new chat (`/`, `/chats/new`): nothing is stored until its first message. */
export async function renderDraft(
  req: Request,
  ctx: FreshContext<AppState, ChatPageData>,
): Promise<Response> {
  const { store, chats, models } = ctx.state.services;
  const [chat, page, list] = await Promise.all([
    chats.draft(ctx.state),
    store.listChats(ctx.state.owner, { limit: 200, q: searchOf(ctx.url) }),
    models.list(),
  ]);
  return ctx.render({
    chat,
    draft: true,
    chats: page.chats,
    messages: [],
    groups: {},
    earlier: 0,
    models: list,
    prepared: new Map(),
    ...shellPrefs(req, ctx.url),
  });
}

/** How many of a chat's latest messages the page shows by default. */
const RECENT_MESSAGES = 200;

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
  const keyMissing = !services.config.openrouterApiKey;
  return (
    <ChatShell
      chat={data.chat}
      chats={data.chats.map(summary)}
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
          {keyMissing && (
            <p role="alert" class="notice">{t(lang, "key.missing")}</p>
          )}
          {invalid && (
            <p role="alert" class="notice">
              {t(lang, "form.invalid", { field: t(lang, invalid) })}
            </p>
          )}
        </>
      }
    >
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
    </ChatShell>
  );
}
