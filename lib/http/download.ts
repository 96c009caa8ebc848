/** Downloads: the response that saves a file under its name, with the headers every export needs. */
import { FALLBACK_FILENAME } from "@/lib/transfer/filename.ts";

/** A file to download. */
export interface DownloadFile {
  body: BodyInit;
  filename: string;
  contentType: string;
}

/** The response that downloads `file` under its name; never cached, never sniffed. */
export function downloadResponse(file: DownloadFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the plain
 * `filename` is an ASCII stand-in for old clients (accents stripped, other
 * characters as `_`), `filename*` the exact name.
 */
export function contentDisposition(filename: string): string {
  let ascii = filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/(?:[^\x20-\x7e]|["\\%])+/g, "_");
  const dot = ascii.lastIndexOf(".");
  if (!/[a-z0-9]/i.test(dot > 0 ? ascii.slice(0, dot) : ascii)) {
    ascii = `${FALLBACK_FILENAME}${dot > 0 ? ascii.slice(dot) : ""}`;
  }
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
