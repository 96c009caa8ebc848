/**
 * Import errors and warnings. Both carry a message key and params rather than
 * a finished sentence, so the UI shows them in its own language; `localize()`
 * turns them into text.
 */
import { type Lang, type MessageKey, t } from "@/lib/i18n/mod.ts";

/** A message param: plain, or itself a message (e.g. a type name) translated with the rest. */
export type ParamValue =
  | string
  | number
  | { key: MessageKey; params?: Record<string, ParamValue> };

/** Params of an import message. */
export type Params = Record<string, ParamValue>;

/**
 * Where in the file something is: a line (text formats, JSON syntax) or an
 * item (chat and/or message number, 1-based, in JSON formats).
 */
export interface ImportPosition {
  line?: number;
  column?: number;
  chat?: number;
  message?: number;
}

/** Translates `key` with `params` (nested messages and numbers included) and prefixes the position. */
export function localize(
  lang: Lang,
  key: MessageKey,
  params: Params = {},
  position?: ImportPosition,
): string {
  const message = t(lang, key, resolveParams(lang, params));
  const where = describePosition(lang, position);
  return where ? t(lang, "import.where", { where, message }) : message;
}

function resolveParams(
  lang: Lang,
  params: Params,
): Record<string, string | number> {
  const numbers = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
    maximumFractionDigits: 1,
  });
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === "number"
      ? numbers.format(value)
      : typeof value === "string"
      ? value
      : localize(lang, value.key, value.params);
  }
  return out;
}

function describePosition(
  lang: Lang,
  position?: ImportPosition,
): string | undefined {
  if (!position) return undefined;
  const { line, column, chat, message } = position;
  // Line numbers stay unformatted: "Baris 1.234" would read as a decimal.
  if (line !== undefined && column !== undefined) {
    return t(lang, "import.where.line_column", { line, column });
  }
  if (line !== undefined) return t(lang, "import.where.line", { line });
  if (chat !== undefined && message !== undefined) {
    return t(lang, "import.where.chat_message", { chat, message });
  }
  if (chat !== undefined) return t(lang, "import.where.chat", { chat });
  if (message !== undefined) {
    return t(lang, "import.where.message", { message });
  }
  return undefined;
}

/**
 * A file that cannot be imported. Nothing of it may be stored. `message` is
 * English (for logs); show `localize(lang)` to the user.
 */
export class ImportError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: Params = {},
    readonly position?: ImportPosition,
  ) {
    super(localize("en", messageKey, params, position));
    this.name = "ImportError";
  }

  /** The error in the UI language, with its position. */
  localize(lang: Lang): string {
    return localize(lang, this.messageKey, this.params, this.position);
  }
}

/** A file larger than the import limit; the HTTP layer answers 413. */
export class ImportTooLargeError extends ImportError {
  constructor(readonly size: number, readonly maxBytes: number) {
    super("import.error.too_large", {
      size: toMegabytes(size),
      max: toMegabytes(maxBytes),
    });
    this.name = "ImportTooLargeError";
  }
}

/** A chat with more messages than a chat may hold; the HTTP layer answers 413. */
export class ImportTooManyMessagesError extends ImportError {
  constructor(max: number, position?: ImportPosition) {
    super("import.error.too_many_messages", { max }, position);
    this.name = "ImportTooManyMessagesError";
  }
}

function toMegabytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}

const MAX_WARNINGS = 50;

/** Collects warnings in the UI language; past 50 it only counts them. */
export class Warnings {
  readonly #lang: Lang;
  readonly #list: string[] = [];
  #dropped = 0;

  constructor(lang: Lang) {
    this.#lang = lang;
  }

  /** Adds a warning. */
  add(key: MessageKey, params: Params = {}, position?: ImportPosition): void {
    if (this.#list.length < MAX_WARNINGS) {
      this.#list.push(localize(this.#lang, key, params, position));
    } else this.#dropped++;
  }

  /** The warnings, with a last line counting those left out. */
  list(): string[] {
    return this.#dropped === 0 ? [...this.#list] : [
      ...this.#list,
      localize(this.#lang, "import.warning.more", { count: this.#dropped }),
    ];
  }
}
