import type { ExportFormat } from "@/lib/transfer/mod.ts";
import type { MessageKey } from "@/lib/i18n/mod.ts";
import { useT } from "@/lib/i18n/context.ts";

const FORMATS: readonly { format: ExportFormat; label: MessageKey }[] = [
  { format: "json", label: "transfer.export_json" },
  { format: "txt", label: "transfer.export_txt" },
  { format: "md", label: "transfer.export_md" },
];

/**
 * Download links of one chat (JSON, TXT, Markdown) and of every chat (JSON).
 * Plain links: the server names the file, so they work without JavaScript.
 */
export function TransferLinks(props: { chatId: string }) {
  const t = useT();
  const base = `/api/chats/${encodeURIComponent(props.chatId)}/export`;
  return (
    <div
      class="transfer-links"
      role="group"
      aria-label={t("transfer.export_heading")}
    >
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          class="button secondary"
          href={`${base}?format=${format}`}
          download
        >
          {t(label)}
        </a>
      ))}
      <a class="button secondary" href="/api/export?format=json" download>
        {t("transfer.export_all")}
      </a>
    </div>
  );
}
