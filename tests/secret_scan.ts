/**
 * Searches every response of a test app for secrets (the API key, the session
 * secret): headers, and bodies as the client reads them after undoing their
 * Content-Encoding, since the app gzips HTML and JSON.
 */

type Handler = (
  req: Request,
  info: Deno.ServeHandlerInfo,
) => Response | Promise<Response>;

/** The DecompressionStream format of each Content-Encoding a server may send. */
const DECODERS: Record<string, CompressionFormat> = {
  gzip: "gzip",
  "x-gzip": "gzip",
  deflate: "deflate",
  br: "brotli",
};

/** The decoders that undo `encoding` (a header value), or the first unknown coding. */
function decodersFor(
  encoding: string | null,
): CompressionFormat[] | { unknown: string } {
  const codings = (encoding ?? "").split(",").map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== "identity");
  const formats: CompressionFormat[] = [];
  // Codings are listed in the order they were applied; undo them backwards.
  for (const coding of codings.reverse()) {
    const format = DECODERS[coding];
    if (!format) return { unknown: coding };
    formats.push(format);
  }
  return formats;
}

/** A scan over the responses of one app; `leaks` names where a secret was seen. */
export class SecretScan {
  /** Where a secret showed (or a body that could not be read to be sure). */
  readonly leaks: string[] = [];
  #secrets: string[];
  #longest: number;
  #pending = new Set<Promise<void>>();

  constructor(secrets: string[]) {
    this.#secrets = secrets.filter((s) => s.length > 0);
    this.#longest = Math.max(0, ...this.#secrets.map((s) => s.length));
  }

  /** Looks for `secret` too from now on (a key handed out while the app runs). */
  add(secret: string): void {
    if (!secret || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
    this.#longest = Math.max(this.#longest, secret.length);
  }

  /** `handler` with each of its responses scanned on the way to the client. */
  wrap(handler: Handler): (
    req: Request,
    info: Deno.ServeHandlerInfo,
  ) => Promise<Response> {
    return async (req, info) => {
      const res = await handler(req, info);
      const where = `${req.method} ${new URL(req.url).pathname}`;
      this.#check(`${where} (headers)`, [...res.headers].join("\n"));
      if (!res.body) return res;
      const decoders = decodersFor(res.headers.get("Content-Encoding"));
      if (!Array.isArray(decoders)) {
        this.leaks.push(
          `${where} (body in unknown encoding "${decoders.unknown}", not scanned)`,
        );
        return res;
      }
      return new Response(this.#tap(where, res.body, decoders), {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    };
  }

  /** Resolves once every body seen so far has been scanned to its end. */
  async settled(): Promise<void> {
    while (this.#pending.size) await Promise.all(this.#pending);
  }

  #check(where: string, text: string): void {
    const found = this.#secrets.some((secret) => text.includes(secret));
    if (found && !this.leaks.includes(where)) this.leaks.push(where);
  }

  /**
   * Passes `body` through unchanged (a client's cancel reaches the app, as in
   * production) while a copy is decoded and searched. A body cut short by a
   * cancel or an error is searched as far as it went.
   */
  #tap(
    where: string,
    body: ReadableStream<Uint8Array<ArrayBuffer>>,
    decoders: CompressionFormat[],
  ): ReadableStream<Uint8Array<ArrayBuffer>> {
    const copy = new TransformStream<BufferSource, BufferSource>();
    let decoded: ReadableStream<BufferSource> = copy.readable;
    for (const format of decoders) {
      decoded = decoded.pipeThrough(new DecompressionStream(format));
    }
    const writer = copy.writable.getWriter();
    let cutShort = false;
    const scanned = this.#scanText(where, decoded).catch((error) => {
      if (!cutShort) {
        this.leaks.push(`${where} (body could not be decoded: ${error})`);
      }
    });
    this.#pending.add(scanned);
    scanned.finally(() => this.#pending.delete(scanned));
    // Closing (not aborting) the copy lets what already passed be searched.
    const stop = () => {
      cutShort = true;
      writer.close().catch(() => {});
    };
    const reader = body.getReader();
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            writer.close().catch(() => {});
            controller.close();
            return;
          }
          writer.write(value).catch(() => {});
          controller.enqueue(value);
        } catch (error) {
          stop();
          controller.error(error);
        }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    });
  }

  async #scanText(
    where: string,
    stream: ReadableStream<BufferSource>,
  ): Promise<void> {
    let tail = "";
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      const text = tail + decoder.decode(chunk, { stream: true });
      this.#check(`${where} (body)`, text);
      // Keep enough to catch a secret split across two chunks.
      tail = text.slice(-this.#longest);
    }
  }
}
