/** One entry point for the export route: body, file name and content type per format. */
import { DEFAULT_TIME_ZONE, resolveTimeZone } from "@/lib/time_zone.ts";
import { safeFilename } from "./filename.ts";
import { exportAllJson, exportAllJsonParts, exportJson } from "./json.ts";
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

/** A file whose body is streamed. */
export interface StreamedFile {
  body: ReadableStream<Uint8Array>;
  filename: string;
  contentType: string;
}

/** Every chat of a user as renderExportAll's file, streamed chat by chat. */
export function streamExportAll(
  chats: AsyncIterable<ChatExport>,
  options: ExportOptions = {},
): StreamedFile {
  const now = options.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  return {
    body: textStream(exportAllJsonParts(chats, { now })),
    filename: safeFilename(`chatai-${day}`, "json"),
    contentType: CONTENT_TYPES.json,
  };
}

/** One chat as renderExport's file, its body sent in pieces of 64 KiB. */
export function streamExport(
  data: ChatExport,
  format: ExportFormat,
  options: ExportOptions = {},
): StreamedFile {
  const file = renderExport(data, format, options);
  return { ...file, body: textStream(slices(file.body, 65_536)) };
}

function* slices(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) {
    // Never split a surrogate pair: each piece is encoded on its own.
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(i, end);
    i = end - size;
  }
}

/** UTF-8 bytes of the parts, pulled one at a time as the client reads. */
function textStream(
  parts: Iterable<string> | AsyncIterable<string>,
): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in parts
    ? parts[Symbol.asyncIterator]()
    : parts[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
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
