/** Reading, checking and writing an uploaded chat file (server side of import). */
import type { Chat } from "@/lib/chats/types.ts";
import { admit } from "@/lib/http/owner_limit.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { ApiError, readBody } from "@/lib/http/api.ts";
import type { ApiContext } from "@/lib/http/route.ts";
import {
  type ImportedChat,
  ImportError,
  type ImportResult,
  ImportTooLargeError,
  ImportTooManyMessagesError,
  parseImport,
} from "@/lib/transfer/mod.ts";

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Raw bodies the importer reads; the content decides the format, not the type. */
const RAW_TYPES =
  /^(text\/[\w.+-]+|application\/(json|[\w.-]+\+json|octet-stream))\s*(;|$)/i;

/** What an import wrote: the new chats, in file order, and the warnings for the user. */
export interface ImportOutcome {
  chats: Chat[];
  warnings: string[];
}

/**
 * Reads an uploaded file, parses it and writes its chats, all or nothing.
 * Shared by the API (`POST /api/import`) and the no-JavaScript form
 * (`POST /chats/import`);
 * every refusal is an `ApiError` and leaves the store untouched.
 */
export async function importUpload(
  req: Request,
  ctx: ApiContext,
): Promise<ImportOutcome> {
  await admit(() => ctx.state.services.chats.startImport(ctx.state));
  const { bytes, filename } = await readUpload(req, ctx);
  const result = parse(bytes, filename, ctx);
  return {
    chats: await write(ctx, result.chats, bytes.length),
    warnings: result.warnings,
  };
}

async function readUpload(
  req: Request,
  ctx: ApiContext,
): Promise<{ bytes: Uint8Array; filename?: string }> {
  const { lang } = ctx.state;
  const max = ctx.state.services.config.importMaxBytes;
  const tooLarge = () => tooLargeError(lang, max);
  const type = req.headers.get("Content-Type") ?? "";
  if (/^multipart\/form-data\s*;/i.test(type)) {
    // Bounded read: the multipart parser below only ever sees max + overhead.
    const body = await readBody(req, max + MULTIPART_OVERHEAD, {
      tooLarge: () => tooLarge().message,
    });
    let form: FormData;
    try {
      // readBody copies into a fresh ArrayBuffer, never a shared one.
      const bytes = body as Uint8Array<ArrayBuffer>;
      form = await new Response(bytes, { headers: { "Content-Type": type } })
        .formData();
    } catch {
      throw new ApiError("invalid_request", t(lang, "transfer.bad_form"));
    }
    const file = form.get("file");
    // A form submitted without a chosen file still sends an empty, unnamed part.
    if (!(file instanceof File) || (file.name === "" && file.size === 0)) {
      throw new ApiError("invalid_request", t(lang, "transfer.no_file"));
    }
    if (file.size > max) throw tooLarge();
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name,
    };
  }
  if (type === "" || RAW_TYPES.test(type)) {
    const bytes = await readBody(req, max, {
      tooLarge: () => tooLarge().message,
    });
    const filename = ctx.url.searchParams.get("filename") ?? undefined;
    return { bytes, filename };
  }
  await req.body?.cancel();
  throw new ApiError(
    "unsupported_media_type",
    t(lang, "transfer.unsupported_type"),
  );
}

function parse(
  bytes: Uint8Array,
  filename: string | undefined,
  ctx: ApiContext,
): ImportResult {
  const { lang, timeZone } = ctx.state;
  const { config } = ctx.state.services;
  const maxBytes = config.importMaxBytes;
  const maxMessagesPerChat = config.limits.messagesPerChat;
  try {
    return parseImport(bytes, filename, {
      timeZone,
      lang,
      maxBytes,
      maxMessagesPerChat,
    });
  } catch (error) {
    if (error instanceof ImportTooLargeError) {
      throw tooLargeError(lang, maxBytes);
    }
    if (error instanceof ImportTooManyMessagesError) {
      throw new ApiError("payload_too_large", error.localize(lang));
    }
    if (error instanceof ImportError) {
      throw new ApiError("invalid_request", error.localize(lang));
    }
    throw error;
  }
}

/** Writes every chat, all or nothing; a failure is a 500 that names it. */
async function write(
  ctx: ApiContext,
  imported: ImportedChat[],
  bytes: number,
): Promise<Chat[]> {
  const { chats } = ctx.state.services;
  await admit(() => chats.checkImport(ctx.state, imported, bytes));
  try {
    return await chats.import(ctx.state.owner, imported);
  } catch (error) {
    console.error("Import failed while writing; rolled back:", error);
    throw new ApiError("internal", t(ctx.state.lang, "transfer.write_failed"));
  }
}

function tooLargeError(lang: Lang, maxBytes: number): ApiError {
  return new ApiError(
    "payload_too_large",
    t(lang, "transfer.too_large", { max: formatSize(lang, maxBytes) }),
  );
}

/** "20 MB" or "2 kB": the limit as people read it. */
function formatSize(lang: Lang, bytes: number): string {
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    maximumFractionDigits: 1,
  }).format(bytes / (mega ? 1024 * 1024 : 1024));
}
