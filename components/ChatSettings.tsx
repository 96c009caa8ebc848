import {
  checkedPersonaChip,
  checkPersonaChip,
  onPersonaChip,
} from "@/lib/client/persona_chips.ts";
import { useEffect, useRef } from "preact/hooks";
import { useLazyState } from "@/lib/client/lazy_state.ts";
import { Icon } from "@/components/Icon.tsx";
import { announceChatUpdate } from "@/lib/client/chat_updates.ts";
import {
  announcePanel,
  onPanelToggle,
  rememberPanel,
} from "@/lib/client/panels.ts";
import { onSettingsFlush } from "@/lib/client/settings_saves.ts";
import { patchChat } from "@/lib/client/shell_api.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";

/** The settings the panel edits. */
export interface ChatSettingsValues {
  persona: string;
  systemPrompt: string;
  temperature: number;
  contextMessages: number;
}

interface Props {
  chatId: string;
  values: ChatSettingsValues;
  personas: { id: string; name: string; prompt: string }[];
  open: boolean;
  cookie: string;
}

/** Typing in the system prompt saves once the typing pauses this long. */
const TYPING_MS = 400;

/**
 * The "Chat settings" panel (beside the conversation, a sheet on phones).
 * Every change is saved at once in the background, with a quiet "Saved" or
 * a clear error; typing a system prompt switches the persona to "Custom".
 * Before the script runs it is a plain form with a Save button.
 */
export default function ChatSettings(props: Props) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useLazyState(props.open);
  const [values, setValues] = useLazyState(props.values);
  const [state, setState] = useLazyState<"" | "saving" | "saved" | "error">("");
  const [problem, setProblem] = useLazyState("");
  const [live, setLive] = useLazyState(false);
  const pending = useRef<Partial<ChatSettingsValues>>({});
  const queue = useRef(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  const show = (next: boolean) => {
    setOpen(next);
    rememberPanel(props.cookie, next ? "open" : "closed");
    announcePanel("settings", next);
    if (!next) opener.current?.focus();
  };
  useEffect(() => {
    setLive(true);
    // A chip picked before this panel's script ran.
    const picked = checkedPersonaChip();
    if (picked) setValues((v) => ({ ...v, persona: picked }));
    const stopChips = onPersonaChip((persona) =>
      setValues((v) => ({ ...v, persona }))
    );
    const stopToggle = onPanelToggle("settings", (e) => {
      opener.current = e.opener ?? null;
      setOpen((now) => {
        const next = e.open ?? !now;
        rememberPanel(props.cookie, next ? "open" : "closed");
        announcePanel("settings", next);
        if (!next) opener.current?.focus();
        return next;
      });
    });
    return () => {
      stopChips();
      stopToggle();
    };
  }, []);
  useEffect(() => {
    if (open && opener.current) {
      panel.current?.querySelector<HTMLElement>("select")?.focus();
    }
  }, [open]);

  const save = async () => {
    const patch = pending.current;
    pending.current = {};
    if (!Object.keys(patch).length) return;
    setState("saving");
    try {
      const chat = await patchChat(
        props.chatId,
        patch,
        t("shell.action_failed"),
      );
      // More changes came meanwhile: "Saved" waits for them.
      setState(Object.keys(pending.current).length ? "saving" : "saved");
      setProblem("");
      if (patch.persona) checkPersonaChip(patch.persona);
      // A new chat is stored by its first setting: the address names it.
      const path = `/chats/${chat.id}`;
      if (location.pathname !== path) {
        history.replaceState(history.state, "", path);
        announceChatUpdate({ chatId: chat.id, title: chat.title });
      }
    } catch (error) {
      setState("error");
      setProblem((error as Error).message);
    }
  };
  const saveNow = () => {
    clearTimeout(timer.current);
    return queue.current = queue.current.then(save);
  };
  const flush = useRef(saveNow);
  flush.current = saveNow;
  useEffect(() => onSettingsFlush(() => flush.current()), []);
  const change = (patch: Partial<ChatSettingsValues>, wait = 0) => {
    setValues((v) => ({ ...v, ...patch }));
    Object.assign(pending.current, patch);
    setState("saving");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      queue.current = queue.current.then(save);
    }, wait);
  };
  const persona = props.personas.find((p) => p.id === values.persona);
  const decimal = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

  return (
    <aside
      id="chat-settings"
      ref={panel}
      class="chat-settings"
      role="region"
      aria-label={t("shell.chat_settings")}
      hidden={!open}
      onKeyDown={(e) => e.key === "Escape" && show(false)}
    >
      <div class="panel-head">
        <h2>{t("shell.chat_settings")}</h2>
        <span class="save-state" role="status">
          {state === "saving" && t("shell.saving")}
          {state === "saved" && t("shell.saved")}
        </span>
        <a
          href="?"
          role="button"
          class="icon-button"
          aria-label={t("shell.close")}
          title={t("shell.close")}
          onClick={(e) => {
            e.preventDefault();
            show(false);
          }}
        >
          <Icon name="close" />
        </a>
      </div>
      <form
        id="settings-form"
        method="post"
        action={`/chats/${props.chatId}/actions`}
        class="settings"
        onSubmit={(e) => e.preventDefault()}
      >
        <input type="hidden" name="action" value="settings" />
        <label>
          <span class="label-text">{t("settings.persona")}</span>
          <select
            name="persona"
            value={values.persona}
            onChange={(e) => change({ persona: e.currentTarget.value })}
          >
            {props.personas.map((p) => (
              <option value={p.id} selected={p.id === values.persona}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="label-text">{t("settings.system_prompt")}</span>
          <textarea
            name="systemPrompt"
            rows={6}
            maxLength={20_000}
            placeholder={persona?.prompt}
            value={values.systemPrompt}
            onInput={(e) => {
              const text = e.currentTarget.value;
              change(
                text.trim() && values.persona !== "custom"
                  ? { systemPrompt: text, persona: "custom" }
                  : { systemPrompt: text },
                TYPING_MS,
              );
            }}
            onBlur={saveNow}
          />
        </label>
        <div>
          <span class="label-text label-row">
            <label for="temperature">{t("settings.temperature")}</label>
            <output for="temperature">
              {decimal.format(values.temperature)}
            </output>
          </span>
          <input
            id="temperature"
            type="range"
            name="temperature"
            min="0"
            max="1"
            step="0.05"
            value={values.temperature}
            aria-valuetext={decimal.format(values.temperature)}
            onInput={(e) =>
              change({ temperature: Number(e.currentTarget.value) }, 250)}
          />
        </div>
        <label>
          <span class="label-text">{t("settings.context")}</span>
          <input
            type="number"
            name="contextMessages"
            min="2"
            max="30"
            step="1"
            value={values.contextMessages}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 2 && n <= 30) {
                change({ contextMessages: n }, 250);
              }
            }}
          />
        </label>
        {problem && <p role="alert" class="field-problem">{problem}</p>}
        {!live && <button type="submit">{t("settings.save")}</button>}
      </form>
    </aside>
  );
}
