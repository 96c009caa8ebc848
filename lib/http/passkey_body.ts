/** The JSON body of a passkey ceremony's answer: small, and read with a limit. */
import { ApiError, readBody } from "@/lib/http/api.ts";

/** A WebAuthn answer is a few KB; anything much larger is not one. */
const MAX_BYTES = 64 * 1024;

/** The parsed body, or null when it is not a JSON object within the limit. */
export async function passkeyBody(
  req: Request,
): Promise<{ ceremony?: unknown; response?: unknown; next?: unknown } | null> {
  try {
    const bytes = await readBody(req, MAX_BYTES, {
      tooLarge: () => "The passkey answer is too large",
    });
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === "object" ? value : null;
  } catch (error) {
    if (error instanceof ApiError || error instanceof SyntaxError) return null;
    throw error;
  }
}
