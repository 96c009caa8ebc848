/** The texts of `!help` and of an unknown command. */
import { type Lang, type MessageKey, t } from "@/lib/i18n/mod.ts";
import { codeSpan } from "./format.ts";
import { COMMAND_WORDS } from "./parse.ts";

const DESCRIPTIONS: Record<keyof typeof COMMAND_WORDS, MessageKey> = {
  help: "cmd.help.help",
  info_model: "cmd.help.info_model",
  waktu: "cmd.help.waktu",
  summarize_chat: "cmd.help.summarize_chat",
};

/** The commands as a Markdown list, one line each with its aliases. */
export function helpText(lang: Lang): string {
  const lines = Object.entries(COMMAND_WORDS).map(
    ([name, [word, ...aliases]]) => {
      const description = t(
        lang,
        DESCRIPTIONS[name as keyof typeof DESCRIPTIONS],
      );
      const also = aliases.length === 0
        ? ""
        : ` (${
          t(lang, "cmd.help.aliases", {
            aliases: aliases.map((a) => `\`!${a}\``).join(", "),
          })
        })`;
      return `- \`!${word}\`${also}: ${description}`;
    },
  );
  return [
    t(lang, "cmd.help.title"),
    "",
    ...lines,
    "",
    t(lang, "cmd.help.footer"),
  ].join("\n");
}

const MAX_SHOWN = 40;

/** Says that `raw` is no command and points to `!help`. */
export function unknownCommandText(raw: string, lang: Lang): string {
  const chars = Array.from(raw.trim());
  const shown = chars.length > MAX_SHOWN
    ? `${chars.slice(0, MAX_SHOWN).join("")}…`
    : chars.join("");
  return t(lang, "cmd.unknown", {
    command: codeSpan(shown.replace(/\s+/g, " ")),
  });
}
