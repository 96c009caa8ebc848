/** How the fake records a request, and reads a completion request's body. */
import {
  type AnswerOptions,
  echoText,
  fakeUsage,
  type RequestContext,
  type Scenario,
} from "./scenarios.ts";

/** A request the fake received. */
export interface RecordedRequest {
  index: number;
  method: string;
  /** E.g. `/api/v1/chat/completions`. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when not JSON, or null. */
  body: unknown;
  /** The scenario a completion request got. */
  scenario?: Scenario["type"];
  /** The client disconnected before the response was complete. */
  closedByClient: boolean;
  /** When the response ended, by either side. */
  ended: Promise<"finished" | "closed_by_client">;
}

/** Settles {@link RecordedRequest.ended}; the first call wins. */
export type End = (how: "finished" | "closed_by_client") => void;

/** Reads and records `request` as the `index`th one. */
export async function recordRequest(
  request: Request,
  index: number,
): Promise<[RecordedRequest, End]> {
  const text = request.method === "GET" ? "" : await request.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  let end!: End;
  const recorded: RecordedRequest = {
    index,
    method: request.method,
    path: new URL(request.url).pathname,
    headers: Object.fromEntries(request.headers),
    body,
    closedByClient: false,
    ended: new Promise((resolve) => end = resolve),
  };
  recorded.ended.then((how) => {
    recorded.closedByClient = how === "closed_by_client";
  });
  return [recorded, end];
}

/** The completion request's model and messages, or undefined when malformed. */
export function completionContext(
  recorded: RecordedRequest,
): RequestContext | undefined {
  const body = recorded.body as Record<string, unknown> | null;
  if (typeof body?.model !== "string" || !Array.isArray(body.messages)) {
    return undefined;
  }
  return {
    id: recorded.index,
    model: body.model,
    messages: body.messages.map((m: { role?: unknown; content?: unknown }) => ({
      role: String(m?.role),
      content: textOf(m?.content),
    })),
  };
}

/** The text of a message's content: a string, or OpenAI's content parts. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => typeof part?.text === "string" ? part.text : "")
    .join("");
}

/** A `stream: false` answer, for callers such as title generation. */
export function nonStreamAnswer(ctx: RequestContext, scenario: AnswerOptions) {
  const text = scenario.text ?? scenario.tokens?.join("") ?? echoText(ctx);
  const model = scenario.model ?? ctx.model;
  return {
    id: `gen-fake-${ctx.id}`,
    provider: "Fake",
    model,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    choices: [{
      index: 0,
      message: { role: "assistant", content: text },
      finish_reason: "stop",
    }],
    usage: fakeUsage(ctx, model, text.length),
  };
}
