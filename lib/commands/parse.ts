/** Recognising bang commands in a user's message. */

/** The commands chatai answers itself (`unknown`: any other `!word`). */
export type CommandName =
  | "help"
  | "info_model"
  | "waktu"
  | "summarize_chat"
  | "unknown";

/** A recognised command. */
export interface ParsedCommand {
  name: CommandName;
  /** The command word as typed, with its `!`, e.g. `!Waktu`. */
  raw: string;
  /** Whatever follows the command word, trimmed (no command uses it yet). */
  args: string;
}

/** Every command word and its aliases, in the order `!help` lists them. */
export const COMMAND_WORDS: Readonly<
  Record<Exclude<CommandName, "unknown">, readonly string[]>
> = {
  help: ["help", "bantuan"],
  info_model: ["info_model"],
  waktu: ["waktu", "time"],
  summarize_chat: ["summarize_chat", "ringkas"],
};

const BY_WORD = new Map<string, CommandName>(
  Object.entries(COMMAND_WORDS).flatMap(([name, words]) =>
    words.map((word) => [word, name as CommandName])
  ),
);

/**
 * The command in `text`, or `null` when it is an ordinary message. A message
 * is a command when it starts with `!` (surrounding white space ignored); the
 * word is matched in any case; an unknown word gives `unknown`, so the user
 * learns about `!help` instead of the model receiving "!hlep".
 */
export function parseCommand(text: string): ParsedCommand | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("!")) return null;
  const [raw] = /^!\S*/.exec(trimmed)!;
  const name = BY_WORD.get(raw.slice(1).toLowerCase()) ?? "unknown";
  return { name, raw, args: trimmed.slice(raw.length).trim() };
}
