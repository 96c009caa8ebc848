/**
 * gzip for text responses when the browser accepts it. Event streams are
 * never compressed: a compressor would hold deltas back until its buffer
 * fills. Static files and bundles are compressed once and kept.
 */

const COMPRESSIBLE =
  /^(text\/(html|css|javascript|plain)|application\/(json|javascript|manifest\+json)|image\/svg\+xml)\b/i;
/** Below this, gzip's header costs more than it saves. */
const MIN_BYTES = 1024;

/** Whether the request accepts gzip. */
export function acceptsGzip(req: Request): boolean {
  return /\bgzip\b/i.test(req.headers.get("Accept-Encoding") ?? "");
}

/** Whether a response of this type and size is worth compressing. */
export function isCompressible(type: string | null, size?: number): boolean {
  return !!type && COMPRESSIBLE.test(type) &&
    (size === undefined || size >= MIN_BYTES);
}

/** gzip of a whole buffer. */
export async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `res` compressed on the fly for `req`, when both sides allow it. */
export function compressResponse(req: Request, res: Response): Response {
  const type = res.headers.get("Content-Type");
  const length = res.headers.get("Content-Length");
  if (
    !res.body || !acceptsGzip(req) || res.headers.has("Content-Encoding") ||
    !isCompressible(type, length === null ? undefined : Number(length)) ||
    /no-transform/.test(res.headers.get("Cache-Control") ?? "")
  ) {
    return res;
  }
  const headers = new Headers(res.headers);
  headers.set("Content-Encoding", "gzip");
  headers.delete("Content-Length");
  headers.append("Vary", "Accept-Encoding");
  return new Response(res.body.pipeThrough(new CompressionStream("gzip")), {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
}
