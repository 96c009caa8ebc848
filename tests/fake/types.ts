/** The fake OpenRouter's options and handle, shared by the server and its command line. */
import type { FakeAuth } from "./auth.ts";
import type { RecordedRequest } from "./request.ts";
import type { AnswerOptions, Scenario } from "./scenarios.ts";

/** How the fake server behaves. */
export interface FakeOpenRouterOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
  /** Seed of the byte splitting; default 1. */
  seed?: number;
  /** Largest piece of a write in bytes; default 24 (16 KiB for `long`). */
  maxPiece?: number;
  /** Send `: OPENROUTER PROCESSING` comments; default true. */
  comments?: boolean;
  /** A wait longer than this sends a keep-alive comment; default 1000 ms. */
  commentIntervalMs?: number;
  /** SSE line ending; default "\n". */
  eol?: "\n" | "\r\n" | "\r";
  /** When set, completions with another bearer token get a 401. */
  apiKey?: string;
  /** Used when nothing is queued and no marker matches. */
  defaultScenario?: Scenario;
  /** Defaults for every streamed answer, e.g. `{timestamps: true}`. */
  answer?: AnswerOptions;
}

/** A running fake; `close()` it when done. */
export interface FakeOpenRouter {
  /** E.g. `http://127.0.0.1:41234/api/v1`. */
  baseUrl: string;
  /** The OAuth page (`OPENROUTER_AUTH_URL`), e.g. `http://127.0.0.1:41234/auth`. */
  authUrl: string;
  /** The PKCE endpoints' state: issued keys and codes, keys `GET /key` accepts. */
  auth: FakeAuth;
  port: number;
  requests: RecordedRequest[];
  /** The behavior of the next completion requests, in order. */
  enqueue(...scenarios: Scenario[]): void;
  /** What `GET /models` answers: the list, a 500, an invalid body, or items. */
  setModels(behavior: "ok" | "error" | "invalid" | unknown[]): void;
  /** The request with this index, once it arrived. */
  waitForRequest(index: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves when the client closed request `index` early; rejects otherwise. */
  waitForClose(index: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
