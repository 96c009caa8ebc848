/**
 * Serves `static/` as Fresh 1.x does: a strong ETag per file (304 when
 * `If-None-Match` names it, weak form included), names with spaces or other
 * escaped characters found by their decoded path, and for URLs that carry
 * the current build id (`asset()`) immutable caching; a URL with an older
 * build id answers 307 to the plain path. The gzip form of a file has an
 * ETag of its own (strong validators differ between codings).
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
  /** A hash of `data`, the body of the ETags. */
  hash: Promise<string>;
  type: string;
  /** The gzip of `data`, made on the first request that accepts it. */
  gzipped?: Promise<Uint8Array>;
}

/** The files of a static folder, read once. */
export class StaticFiles {
  #files = new Map<string, StaticFile>();

  /** `buildId`: what `asset()` URLs of the current build carry in `__frsh_c`. */
  constructor(readonly buildId?: string) {}

  /** Reads every file below `dir`; a missing folder serves nothing. */
  static async load(dir: string, buildId?: string): Promise<StaticFiles> {
    const files = new StaticFiles(buildId);
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
    this.#files.set(urlPath, { data, hash: sha1(data), type });
  }

  /** Whether a URL path (as a request has it, escapes and all) is a known file. */
  has(pathname: string): boolean {
    return this.#find(pathname) !== undefined;
  }

  #find(pathname: string): StaticFile | undefined {
    try {
      return this.#files.get(decodeURIComponent(pathname));
    } catch {
      return undefined; // A malformed escape names no file.
    }
  }

  /** Answers a GET/HEAD for `url`, or null when no such file exists. */
  async serve(
    req: Request,
    url: URL,
    immutable = false,
  ): Promise<Response | null> {
    const file = this.#find(url.pathname);
    if (!file) return null;
    const key = url.searchParams.get("__frsh_c");
    if (key !== null && this.buildId !== undefined && key !== this.buildId) {
      const plain = new URL(url);
      plain.searchParams.delete("__frsh_c");
      return new Response(null, {
        status: 307,
        headers: { Location: plain.pathname + plain.search },
      });
    }
    const hash = await file.hash;
    const gzipped = acceptsGzip(req) &&
      isCompressible(file.type, file.data.byteLength);
    const etag = gzipped ? `"${hash}-gzip"` : `"${hash}"`;
    const headers = new Headers({
      "Content-Type": file.type,
      "ETag": etag,
      "Cache-Control": immutable || key !== null
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      "Vary": "Accept-Encoding",
    });
    if (matches(req.headers.get("If-None-Match"), hash)) {
      return new Response(null, { status: 304, headers });
    }
    let data = file.data;
    if (gzipped) {
      file.gzipped ??= gzip(file.data);
      data = await file.gzipped;
      headers.set("Content-Encoding", "gzip");
    }
    headers.set("Content-Length", String(data.byteLength));
    const body = req.method === "HEAD" ? null : data;
    return new Response(body as BodyInit | null, { headers });
  }
}

/** Whether an `If-None-Match` list names either coding's ETag of `hash`, weak or strong. */
function matches(header: string | null, hash: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => {
    const opaque = tag.trim().replace(/^W\//, "");
    return opaque === `"${hash}"` || opaque === `"${hash}-gzip"`;
  });
}

/** The SHA-1 of `data` in hex: a strong validator of its bytes. */
async function sha1(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", data as BufferSource);
  return Array.from(new Uint8Array(digest))
    .map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
