/** One entry point for the export route: body, file name and content type per format. */
import { DEFAULT_TIME_ZONE, resolveTimeZone } from "@/lib/time_zone.ts";
import { safeFilename } from "./filename.ts";
import { exportAllJson, exportJson } from "./json.ts";
import { exportMarkdown } from "./markdown.ts";
import { exportTxt } from "./txt.ts";
import type { ChatExport, ExportFormat } from "./types.ts";

/** A file ready to send. */
export interface ExportFile {
  body: string;
  filename: string;
  contentType: string;
}

/** Options of `renderExport()`. */
export interface ExportOptions {
  /** Zone of the TXT/Markdown stamps; an unknown one falls back to Asia/Jakarta. */
  timeZone?: string;
  /** The `exportedAt` of JSON files; default: the current time. */
  now?: Date;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

/** Whether `value` names an export format (`?format=`). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return value === "json" || value === "txt" || value === "md";
}

/** One chat as a file of `format`, named after its title. */
export function renderExport(
  data: ChatExport,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportFile {
  const timeZone = resolveTimeZone(options.timeZone, DEFAULT_TIME_ZONE);
  const body = format === "json"
    ? exportJson(data, { now: options.now })
    : format === "txt"
    ? exportTxt(data, { timeZone })
    : exportMarkdown(data, { timeZone });
  return file(body, safeFilename(data.chat.title, format), format);
}

/** Every chat of a user as one JSON file named `chatai-YYYY-MM-DD.json`. */
export function renderExportAll(
  chats: ChatExport[],
  options: ExportOptions = {},
): ExportFile {
  const now = options.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  return file(
    exportAllJson(chats, { now }),
    safeFilename(`chatai-${day}`, "json"),
    "json",
  );
}

function file(
  body: string,
  filename: string,
  format: ExportFormat,
): ExportFile {
  return {
    body,
    filename,
    contentType: CONTENT_TYPES[format],
  };
}
