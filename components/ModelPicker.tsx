import { useEffect, useRef } from "preact/hooks";
import { useLazyState } from "@/lib/client/lazy_state.ts";
import { Icon } from "@/components/Icon.tsx";
import {
  filterModels,
  type ModelOption,
  providerOf,
} from "@/lib/client/model_options.ts";
import { patchChat } from "@/lib/client/shell_api.ts";
import { trackSettingsSave } from "@/lib/client/settings_saves.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";

/** Options drawn at once; a search narrows a longer list. */
const SHOWN = 80;

/**
 * The "Model" combobox: a searchable list (name, provider, context length,
 * price per million tokens, a free mark; "Free only"; arrows, Enter,
 * Escape). Choosing saves at once; the server refuses an id it does not
 * offer, and the refusal is shown here.
 */
export default function ModelPicker(
  props: { chatId: string; model: string; models: ModelOption[] },
) {
  const t = useT();
  const lang = useLang();
  const [model, setModel] = useLazyState(props.model);
  const [open, setOpen] = useLazyState(false);
  const [query, setQuery] = useLazyState("");
  const [freeOnly, setFreeOnly] = useLazyState(false);
  const [active, setActive] = useLazyState(0);
  const [problem, setProblem] = useLazyState("");
  const root = useRef<HTMLDivElement>(null);
  const locale = lang === "id" ? "id-ID" : "en-US";
  const number = new Intl.NumberFormat(locale);
  const usd = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 2,
  });
  const current = props.models.find((m) => m.id === model);
  const found = filterModels(props.models, query, freeOnly).slice(0, SHOWN);

  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  useEffect(() => {
    document.getElementById(`model-${active}`)?.scrollIntoView({
      block: "nearest",
    });
  }, [active, open]);

  const choose = async (id: string) => {
    setOpen(false);
    setQuery("");
    if (!id || id === model) return;
    setProblem("");
    try {
      const chat = await trackSettingsSave(
        patchChat(props.chatId, { model: id }, t("shell.action_failed")),
      );
      setModel(chat.model);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step) {
      e.preventDefault();
      if (!open) return setOpen(true);
      setActive((i) => Math.min(Math.max(i + step, 0), found.length - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      // Typed text with no match is tried as an id: the server decides.
      choose(found[active]?.id ?? query.trim());
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setQuery("");
    }
  };
  const describe = (m: ModelOption) => {
    const parts = [providerOf(m.id)];
    if (m.contextLength > 0) {
      parts.push(
        t("shell.context_tokens", { tokens: number.format(m.contextLength) }),
      );
    }
    if (!m.free && m.prompt >= 0) {
      parts.push(t("shell.price", {
        prompt: usd.format(m.prompt),
        completion: usd.format(m.completion),
      }));
    }
    return parts.filter(Boolean).join(" · ");
  };

  return (
    <div
      class="model-picker"
      ref={root}
      onFocusOut={(e) => {
        // Tabbing away closes the list, as leaving a native select does.
        if (!root.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <div class="model-field">
        <input
          role="combobox"
          aria-label={t("shell.model")}
          aria-expanded={open}
          aria-controls="model-list"
          aria-autocomplete="list"
          aria-activedescendant={open && found[active]
            ? `model-${active}`
            : undefined}
          aria-describedby={problem ? "model-problem" : undefined}
          autocomplete="off"
          spellcheck={false}
          placeholder={open ? t("shell.model_placeholder") : undefined}
          title={current ? `${current.name} · ${describe(current)}` : model}
          value={open ? query : current?.name ?? model}
          onFocus={() => setProblem("")}
          onClick={() => setOpen(true)}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKey}
        />
        <Icon name="chevronDown" />
      </div>
      {
        /* Without a script the list above cannot open: this plain select
           (shown only then) chooses, and the settings form's Save sends it. */
      }
      <select
        class="model-select"
        name="model"
        form="settings-form"
        aria-label={t("shell.model")}
        value={model}
      >
        {!current && <option value={model}>{model}</option>}
        {props.models.map((m) => (
          <option key={m.id} value={m.id}>{m.name}</option>
        ))}
      </select>
      {open && (
        <div class="model-popup">
          <label class="check">
            <input
              type="checkbox"
              checked={freeOnly}
              onChange={(e) => {
                setFreeOnly(e.currentTarget.checked);
                setActive(0);
              }}
            />
            {t("shell.free_only")}
          </label>
          <ul id="model-list" role="listbox" aria-label={t("shell.models")}>
            {found.map((m, i) => (
              <li
                id={`model-${i}`}
                key={m.id}
                role="option"
                aria-selected={i === active}
                data-current={m.id === model || undefined}
                onPointerDown={(e) => e.preventDefault()}
                onClick={() => choose(m.id)}
              >
                <span class="model-name">
                  {m.name}
                  {m.free && <span class="badge">{t("shell.free")}</span>}
                </span>
                <span class="model-meta">{describe(m)}</span>
              </li>
            ))}
          </ul>
          {found.length === 0 && (
            <p class="model-none">{t("shell.no_models")}</p>
          )}
        </div>
      )}
      {problem && (
        <p id="model-problem" role="alert" class="field-problem">{problem}</p>
      )}
    </div>
  );
}
