import { useLazyState } from "@/lib/client/lazy_state.ts";
import { type ImportNotice, NOTICE_KEY } from "@/lib/client/import_notice.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";

/**
 * The "Import chat" control. Without JavaScript it is a multipart form
 * posting to `/chats/import`; with it, choosing a file uploads it to
 * `/api/import`, shows a refusal in place, and opens the first imported
 * chat, where the count and any warnings are shown once (`AppSettings`).
 */
export function ImportChat() {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useLazyState(false);
  const [error, setError] = useLazyState<string | null>(null);

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append("file", file);
      const res = await fetch(`/api/import?lang=${lang}`, {
        method: "POST",
        body: form,
      });
      const body = await res.json().catch(() => null);
      if (res.status !== 201 || !body?.chats?.length) {
        setError(body?.error?.message ?? t("transfer.import_failed"));
        return;
      }
      const saved: ImportNotice = {
        count: body.chats.length,
        warnings: body.warnings ?? [],
      };
      sessionStorage.setItem(NOTICE_KEY, JSON.stringify(saved));
      location.assign(`/chats/${encodeURIComponent(body.chats[0].id)}`);
    } catch {
      setError(t("transfer.import_failed"));
    } finally {
      setBusy(false);
      // Lets the same file be chosen again after a refusal.
      input.value = "";
    }
  }

  return (
    <form
      class="import-chat"
      method="post"
      action="/chats/import"
      encType="multipart/form-data"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        upload(form.elements.namedItem("file") as HTMLInputElement);
      }}
    >
      <label>
        <span class="label-text">{t("transfer.import_label")}</span>
        <input
          type="file"
          name="file"
          required
          accept=".json,.txt,.md,.markdown,application/json,text/plain,text/markdown"
          disabled={busy}
          onChange={(event) => upload(event.currentTarget)}
        />
      </label>
      <button type="submit" class="secondary" disabled={busy}>
        {busy ? t("transfer.import_busy") : t("transfer.import_submit")}
      </button>
      {error && <p role="alert" class="notice">{error}</p>}
    </form>
  );
}
