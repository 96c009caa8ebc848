import type { PageProps } from "$fresh/server.ts";
import Sidebar from "@/islands/Sidebar.tsx";
import { LanguageForm } from "@/components/LanguageForm.tsx";
import { useT } from "@/lib/i18n/context.ts";
import type { AppState } from "@/lib/state.ts";

/** The app shell: the chat list on the side, the conversation in the middle. */
export default function Home({ state }: PageProps<unknown, AppState>) {
  const t = useT();
  const keyMissing = !state.services.config.openrouterApiKey;
  return (
    <div class="app">
      <Sidebar>
        <nav aria-label={t("nav.chats")}>
          <a class="button" href="/">{t("chat.new")}</a>
        </nav>
        <LanguageForm />
      </Sidebar>
      <main id="main" class="main">
        {keyMissing && <p role="alert" class="notice">{t("key.missing")}</p>}
        <h1>{t("app.title")}</h1>
      </main>
    </div>
  );
}
