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

/** The edits (insert, delete, replace, swap) that turn `a` into `b`. */
function distance(a: string, b: string): number {
  const d = Array.from(
    { length: a.length + 1 },
    (_, i) =>
      Array.from(
        { length: b.length + 1 },
        (_, j) => (i === 0 ? j : j === 0 ? i : 0),
      ),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** Whether `word` looks like a mistyped command word ("hlep", "wakut", "ringaks"). */
function nearCommand(word: string): boolean {
  if (word.length < 3 || !/^[a-z_]+$/.test(word)) return false;
  return [...BY_WORD.keys()].some((known) =>
    distance(word, known) <= (known.length > 5 ? 2 : 1)
  );
}

/**
 * The command in `text`, or `null` when it is an ordinary message. A
 * message is a command when it starts with `!` and a known command word or
 * alias (in any case, surrounding white space ignored). A lone `!word` close
 * to a known one gives `unknown`, so the user learns about `!help` instead
 * of the model receiving "!hlep"; anything else ("!Penting: besok rapat")
 * goes to the model.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("!")) return null;
  const [raw] = /^!\S*/.exec(trimmed)!;
  const word = raw.slice(1).toLowerCase();
  const args = trimmed.slice(raw.length).trim();
  const name = BY_WORD.get(word);
  if (name) return { name, raw, args };
  return !args && nearCommand(word) ? { name: "unknown", raw, args } : null;
}
