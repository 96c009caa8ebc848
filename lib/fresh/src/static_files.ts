/**
 * Serves `static/` with ETags (304 on a match) and, for URLs that carry the
 * build id (`asset()`), immutable caching.
 */
import { extname, join } from "node:path";
import { acceptsGzip, gzip, isCompressible } from "./compress.ts";

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".html": "text/html; charset=utf-8",
};

/** The content type of a file name. */
export function contentType(name: string): string {
  return TYPES[extname(name).toLowerCase()] ?? "application/octet-stream";
}

interface StaticFile {
  data: Uint8Array;
  etag: string;
  type: string;
  /** The gzip of `data`, made on the first request that accepts it. */
  gzipped?: Promise<Uint8Array>;
}

/** The files of a static folder, read once. */
export class StaticFiles {
  #files = new Map<string, StaticFile>();

  /** Reads every file below `dir`; a missing folder serves nothing. */
  static async load(dir: string): Promise<StaticFiles> {
    const files = new StaticFiles();
    await files.#walk(dir, "");
    return files;
  }

  async #walk(dir: string, prefix: string): Promise<void> {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(dir)];
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const urlPath = `${prefix}/${entry.name}`;
      if (entry.isDirectory) await this.#walk(path, urlPath);
      else if (entry.isFile) this.add(urlPath, await Deno.readFile(path));
    }
  }

  /** Adds a file under a URL path (also used for built bundles). */
  add(urlPath: string, data: Uint8Array, type = contentType(urlPath)): void {
    this.#files.set(urlPath, { data, etag: weakEtag(data), type });
  }

  /** Whether a URL path is a known file. */
  has(urlPath: string): boolean {
    return this.#files.has(urlPath);
  }

  /** Answers a GET/HEAD for `url`, or null when no such file exists. */
  async serve(
    req: Request,
    url: URL,
    immutable = false,
  ): Promise<Response | null> {
    const file = this.#files.get(url.pathname);
    if (!file) return null;
    const headers = new Headers({
      "Content-Type": file.type,
      "ETag": file.etag,
      "Cache-Control": immutable || url.searchParams.has("__frsh_c")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
    });
    const match = req.headers.get("If-None-Match");
    if (match && match.split(",").some((tag) => tag.trim() === file.etag)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set("Vary", "Accept-Encoding");
    let data = file.data;
    if (acceptsGzip(req) && isCompressible(file.type, data.byteLength)) {
      file.gzipped ??= gzip(file.data);
      data = await file.gzipped;
      headers.set("Content-Encoding", "gzip");
    }
    headers.set("Content-Length", String(data.byteLength));
    const body = req.method === "HEAD" ? null : data;
    return new Response(body as BodyInit | null, { headers });
  }
}

/** A cheap content hash (FNV-1a, 2×32 bits) for ETags. */
function weakEtag(data: Uint8Array): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ data.length;
  for (let i = 0; i < data.length; i++) {
    h1 = Math.imul(h1 ^ data[i], 0x01000193);
    h2 = Math.imul(h2 ^ data[i], 0x5bd1e995);
  }
  return `W/"${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}-${
    data.length.toString(36)
  }"`;
}
