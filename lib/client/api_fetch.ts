/**
 * Requests to the app's JSON API from the browser, and its error answers
 * (the event stream is read in `conversation_controller.ts`).
 */

/** An API error answer: its message is for the user, in the UI language. */
export class ApiRequestError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Throws the API's error of a failed response. */
export async function ensureOk(res: Response): Promise<Response> {
  if (res.ok) return res;
  let code = "internal", message = res.statusText;
  try {
    const body = await res.json();
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch { /* not JSON */ }
  throw new ApiRequestError(res.status, code, message);
}

/** A JSON request to the app's API. */
export function apiFetch(
  path: string,
  method = "GET",
  body?: unknown,
): Promise<Response> {
  return fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
