/**
 * Export and import of chats, independent of storage. Formats: lossless
 * chatai JSON (`json.ts`), the old app's TXT (`txt.ts`), Markdown
 * (`markdown.ts`); import also reads the old app's JSON (`legacy.ts`) and
 * ChatGPT's conversations.json (`chatgpt.ts`). The escaping of the text
 * formats is described in `escape.ts`.
 */
export type {
  ChatExport,
  ExportFormat,
  ImportedChat,
  ImportedMessage,
  ImportOptions,
  ImportResult,
} from "./types.ts";
export {
  type ExportFile,
  type ExportOptions,
  isExportFormat,
  renderExport,
  renderExportAll,
  type StreamedFile,
  streamExport,
  streamExportAll,
} from "./export.ts";
export {
  CHATAI_FORMAT,
  CHATAI_VERSION,
  exportAllJson,
  exportJson,
} from "./json.ts";
export { exportTxt } from "./txt.ts";
export { exportMarkdown } from "./markdown.ts";
export { safeFilename } from "./filename.ts";
export { parseImport } from "./import.ts";
export {
  ImportError,
  type ImportPosition,
  ImportTooLargeError,
  ImportTooManyMessagesError,
} from "./errors.ts";
