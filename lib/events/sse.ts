/**
 * A server-sent-events parser after the WHATWG "event stream" rules, for
 * reading event streams byte by byte: OpenRouter's (and any
 * OpenAI-compatible server's) upstream, and the app's own chat events in
 * the browser (see chat_events.ts). Browser-safe: no Deno APIs.
 *
 * Two deviations from the browser's EventSource, both on purpose:
 * comments are surfaced as events, because they prove the upstream is alive
 * (OpenRouter sends `: OPENROUTER PROCESSING` while a model thinks), and an
 * event left pending when the stream ends is still delivered, because some
 * servers close the connection without the final blank line.
 */

/** One parsed item of an event stream. */
export type SseEvent =
  | {
    type: "event";
    /** The `event:` field; `"message"` when the event named none. */
    event: string;
    /** Every `data:` line of the event, joined with "\n". */
    data: string;
    /** The last `id:` seen so far in the stream, if any. */
    id?: string;
    /** The `retry:` field in milliseconds, when the event carried one. */
    retry?: number;
  }
  | {
    type: "comment";
    /** The comment without its leading colon and one optional space. */
    text: string;
  };

const LF = 10;
const CR = 13;

/**
 * The synchronous core of the parser: feed it byte chunks, get events back.
 * Chunks may split lines, CRLF pairs and UTF-8 characters anywhere.
 */
export class SseDecoder {
  /** Longest line, and longest event data, in characters. */
  readonly maxLength: number;
  #decoder = new TextDecoder("utf-8");
  #line = "";
  /** The previous chunk ended in CR, so a leading LF belongs to that break. */
  #afterCr = false;
  #event = "";
  #data: string[] = [];
  #hasData = false;
  #id: string | undefined;
  #retry: number | undefined;
  #dataLength = 0;

  /** `maxLength` bounds what a stream can make this hold (default 4 M characters). */
  constructor(options: { maxLength?: number } = {}) {
    this.maxLength = options.maxLength ?? 4 * 1024 * 1024;
  }

  /**
   * Parses one chunk and returns the events it completed; throws an
   * `SseTooLongError` for a line or event longer than `maxLength`.
   */
  push(chunk: Uint8Array): SseEvent[] {
    const out: SseEvent[] = [];
    this.#text(this.#decoder.decode(chunk, { stream: true }), out);
    return out;
  }

  /** Ends the stream: returns the events of any unterminated last line. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    this.#text(this.#decoder.decode(), out);
    if (this.#line !== "") {
      const line = this.#line;
      this.#line = "";
      this.#field(line, out);
    }
    this.#dispatch(out);
    return out;
  }

  #text(text: string, out: SseEvent[]): void {
    let start = 0;
    if (this.#afterCr && text.length > 0) {
      if (text.charCodeAt(0) === LF) start = 1;
      this.#afterCr = false;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      const line = this.#line + text.slice(start, i);
      this.#line = "";
      if (c === CR) {
        if (i + 1 === text.length) this.#afterCr = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
      if (line === "") this.#dispatch(out);
      else this.#field(line, out);
    }
    this.#line += text.slice(start);
    if (this.#line.length > this.maxLength) {
      this.#line = "";
      throw new SseTooLongError(this.maxLength);
    }
  }

  #field(line: string, out: SseEvent[]): void {
    const colon = line.indexOf(":");
    if (colon === 0) {
      out.push({ type: "comment", text: stripSpace(line.slice(1)) });
      return;
    }
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : stripSpace(line.slice(colon + 1));
    switch (name) {
      case "event":
        this.#event = value;
        break;
      case "data":
        this.#dataLength += value.length + 1;
        if (this.#dataLength > this.maxLength) {
          throw new SseTooLongError(this.maxLength);
        }
        this.#data.push(value);
        this.#hasData = true;
        break;
      case "id":
        // The spec ignores ids containing NUL: they cannot be sent back.
        if (!value.includes("\0")) this.#id = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
    }
  }

  #dispatch(out: SseEvent[]): void {
    if (this.#hasData) {
      const event: SseEvent = {
        type: "event",
        event: this.#event || "message",
        data: this.#data.join("\n"),
      };
      if (this.#id !== undefined) event.id = this.#id;
      if (this.#retry !== undefined) event.retry = this.#retry;
      out.push(event);
    }
    this.#event = "";
    this.#data = [];
    this.#dataLength = 0;
    this.#hasData = false;
    this.#retry = undefined;
  }
}

/** A line or event of an event stream is longer than the decoder allows. */
export class SseTooLongError extends RangeError {
  constructor(readonly maxLength: number) {
    super(
      `An event-stream line or event is longer than ${maxLength} characters`,
    );
  }
}

function stripSpace(value: string): string {
  return value.startsWith(" ") ? value.slice(1) : value;
}

/** A transform stream from response bytes to {@link SseEvent}s. */
export class SseParser extends TransformStream<Uint8Array, SseEvent> {
  constructor() {
    const decoder = new SseDecoder();
    super({
      transform(chunk, controller) {
        for (const event of decoder.push(chunk)) controller.enqueue(event);
      },
      flush(controller) {
        for (const event of decoder.end()) controller.enqueue(event);
      },
    });
  }
}

/** Parses a byte stream (e.g. `response.body`) into {@link SseEvent}s. */
export function parseSse(
  body: ReadableStream<Uint8Array>,
): ReadableStream<SseEvent> {
  return body.pipeThrough(new SseParser());
}
