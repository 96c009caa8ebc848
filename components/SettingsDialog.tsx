import { useEffect, useRef, useState } from "preact/hooks";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { Icon } from "./Icon.tsx";
import { ImportChat } from "./ImportChat.tsx";
import { setSoundEnabled, soundEnabled } from "@/lib/client/sound.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";
import { type Theme, THEME_COOKIE, THEMES } from "@/lib/theme.ts";

/** What the dialog needs from the page. */
export interface SettingsDialogProps {
  theme: Theme;
  /** APP_PASSWORD is set: the dialog offers "Sign out". */
  signOut: boolean;
  signOutLabel: string;
  onClose: () => void;
}

/** Applies a theme to the page now and remembers it for the server. */
function applyTheme(theme: Theme): void {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  document.cookie =
    `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/**
 * The "Settings" dialog: theme, language and sound apply at once; import,
 * export and delete every chat (confirmed in the page); the keyboard
 * shortcuts; the account and signing out. Loaded when first opened.
 */
export function SettingsDialog(props: SettingsDialogProps) {
  const t = useT();
  const lang = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const deleteAll = useRef<HTMLFormElement>(null);
  const [theme, setTheme] = useState(props.theme);
  const [sound, setSound] = useState(soundEnabled());
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const close = () => {
    ref.current?.close();
    props.onClose();
  };
  return (
    <dialog
      ref={ref}
      class="dialog settings-dialog"
      aria-labelledby="settings-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!confirming) close();
      }}
    >
      <div class="panel-head">
        <h2 id="settings-title">{t("shell.settings")}</h2>
        <button
          type="button"
          class="icon-button"
          aria-label={t("shell.close")}
          title={t("shell.close")}
          onClick={close}
        >
          <Icon name="close" />
        </button>
      </div>
      <div class="settings-grid">
        <label>
          <span class="label-text">{t("theme.label")}</span>
          <select
            value={theme}
            onChange={(e) => {
              const next = e.currentTarget.value as Theme;
              setTheme(next);
              applyTheme(next);
            }}
          >
            {THEMES.map((value) => (
              <option value={value} selected={value === theme}>
                {t(`theme.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="label-text">{t("shell.language")}</span>
          <select
            value={lang}
            onChange={(e) => {
              // The server keeps the choice in a cookie; the page comes back in it.
              const url = new URL(location.href);
              url.searchParams.set("lang", e.currentTarget.value);
              location.assign(url);
            }}
          >
            <option value="id" selected={lang === "id"}>
              Bahasa Indonesia
            </option>
            <option value="en" selected={lang === "en"}>English</option>
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            role="switch"
            checked={sound}
            onChange={(e) => {
              setSound(e.currentTarget.checked);
              setSoundEnabled(e.currentTarget.checked);
            }}
          />
          {t("shell.sound")}
        </label>
      </div>
      <h3 class="dialog-section">{t("shell.data")}</h3>
      <ImportChat />
      <div class="dialog-row">
        <a class="button secondary" href="/api/export?format=json" download>
          <Icon name="download" />
          {t("shell.export_all")}
        </a>
        <form ref={deleteAll} method="post" action="/chats/delete-all">
          <button
            type="button"
            class="danger"
            onClick={() => setConfirming(true)}
          >
            <Icon name="trash" />
            {t("shell.delete_all")}
          </button>
        </form>
      </div>
      <div class="dialog-row dialog-foot">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            close();
            document.querySelector<HTMLDialogElement>("dialog.shortcuts")
              ?.showModal();
          }}
        >
          {t("shell.shortcuts")}
        </button>
        <a class="button secondary" href="/account">{t("shell.account")}</a>
        {props.signOut && (
          <form method="post" action="/logout">
            <button type="submit" class="secondary">
              {props.signOutLabel}
            </button>
          </form>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t("shell.delete_all_title")}
          body={t("shell.delete_all_body")}
          confirm={t("shell.delete_all_confirm")}
          onConfirm={() => deleteAll.current?.submit()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </dialog>
  );
}
