import { readBody } from "./api.ts";

/**
 * Reads a small urlencoded or multipart form, counting bytes as they arrive;
 * null when it is larger than `maxBytes` or malformed.
 */
export async function readForm(
  req: Request,
  maxBytes: number,
): Promise<FormData | null> {
  try {
    const bytes = await readBody(req, maxBytes, {
      tooLarge: () => "too large",
    });
    const type = req.headers.get("Content-Type") ?? "";
    return await new Response(bytes as BodyInit, {
      headers: { "Content-Type": type },
    }).formData();
  } catch {
    return null;
  }
}
