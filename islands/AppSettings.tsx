import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Icon } from "@/components/Icon.tsx";
import type { SettingsDialogProps } from "@/components/SettingsDialog.tsx";
import {
  type ImportNotice,
  takeImportNotice,
} from "@/lib/client/import_notice.ts";
import { useT } from "@/lib/i18n/context.ts";
import type { Theme } from "@/lib/theme.ts";

let dialog: ComponentType<SettingsDialogProps> | null = null;

/**
 * The "Settings" button at the foot of the chat list and its dialog, whose
 * code loads on the first click (it is not needed to read a chat). Shows
 * the outcome of an import once, on the chat it opened.
 */
export default function AppSettings(
  props: { theme: Theme; signOut: boolean; signOutLabel: string },
) {
  const t = useT();
  const [Dialog, setDialog] = useState(() => dialog);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  useEffect(() => setNotice(takeImportNotice()), []);
  const show = async () => {
    // The dialog is where the next import starts: the last one's outcome goes.
    setNotice(null);
    if (!dialog) {
      dialog = (await import("@/components/SettingsDialog.tsx")).SettingsDialog;
      setDialog(() => dialog);
    }
    setOpen(true);
  };
  return (
    <>
      {notice && (
        <div role="status" class="import-notice">
          <p>{t("transfer.import_done", { count: notice.count })}</p>
          {notice.warnings.length > 0 && (
            <>
              <p>{t("transfer.import_warnings")}</p>
              <ul class="import-warnings">
                {notice.warnings.map((warning, i) => (
                  <li key={i}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <button
        type="button"
        class="sidebar-item"
        aria-haspopup="dialog"
        onClick={show}
      >
        <Icon name="gear" />
        {t("shell.settings")}
      </button>
      {open && Dialog && (
        <Dialog
          theme={props.theme}
          signOut={props.signOut}
          signOutLabel={props.signOutLabel}
          onClose={() => {
            setOpen(false);
            document.querySelector<HTMLElement>(".sidebar-foot button")
              ?.focus();
          }}
        />
      )}
    </>
  );
}
