/** The JSON API's conventions: `{"error": {code, message}}` answers and validated bodies. */
import type { z } from "zod";

/** The error codes of DESIGN.md and their HTTP statuses. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  storage_full: 507,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An API failure to answer with; thrown by helpers, turned into a response by `apiErrorResponse`. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers?: HeadersInit,
  ) {
    super(message);
  }
}

/** A JSON response. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** The response of an `ApiError`. */
export function apiErrorResponse(error: ApiError): Response {
  return json({ error: { code: error.code, message: error.message } }, {
    status: ERROR_STATUS[error.code],
    headers: error.headers,
  });
}

/** Messages of body errors, in the UI language. */
export interface BodyMessages {
  tooLarge: (limit: number) => string;
  notJson: string;
  wrongType: string;
  invalid: (detail: string) => string;
}

/** Reads at most `maxBytes` of a request body; a larger one is a 413. */
export async function readBody(
  req: Request,
  maxBytes: number,
  messages: Pick<BodyMessages, "tooLarge">,
): Promise<Uint8Array> {
  const declared = Number(req.headers.get("Content-Length") ?? "NaN");
  if (declared > maxBytes) {
    await req.body?.cancel();
    throw new ApiError("payload_too_large", messages.tooLarge(maxBytes));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    for await (const chunk of req.body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        throw new ApiError("payload_too_large", messages.tooLarge(maxBytes));
      }
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Reads a JSON body and validates it with `schema`; any failure is an `ApiError`. */
export async function readJson<T>(
  req: Request,
  schema: z.ZodType<T>,
  maxBytes: number,
  messages: BodyMessages,
): Promise<T> {
  const type = req.headers.get("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    await req.body?.cancel();
    throw new ApiError("unsupported_media_type", messages.wrongType);
  }
  const bytes = await readBody(req, maxBytes, messages);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError("invalid_request", messages.notJson);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new ApiError(
      "invalid_request",
      messages.invalid(`${where}${issue.message}`),
    );
  }
  return result.data;
}
