/** What every importer needs besides the file: zone, time, language, warnings. */
import type { Lang } from "@/lib/i18n/mod.ts";
import type { Warnings } from "./errors.ts";

/** The settings and the warning list of one import. */
export interface ImportContext {
  /** A valid IANA zone. */
  timeZone: string;
  now: Date;
  lang: Lang;
  warnings: Warnings;
  /** A chat with more messages is refused while it is read. */
  maxMessagesPerChat: number;
  /** The uploaded file's name, when known. */
  filename?: string;
}
