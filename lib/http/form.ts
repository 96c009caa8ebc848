/** Form bodies of page POSTs: read with a size limit, refused clearly when they are not forms. */
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { ApiError, ERROR_STATUS, readBody } from "./api.ts";

const FORM_TYPE =
  /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** How much of a form to read, and the language of the refusal. */
export interface FormOptions {
  maxBytes: number;
  lang: Lang;
}

/**
 * Reads a urlencoded or multipart form, counting bytes as they arrive. A body
 * larger than `maxBytes` is an `ApiError` "payload_too_large", any body that
 * is not a form one of "invalid_request".
 */
export async function readFormBody(
  req: Request,
  { maxBytes, lang }: FormOptions,
): Promise<FormData> {
  const type = req.headers.get("Content-Type") ?? "";
  const notAForm = () =>
    new ApiError("invalid_request", t(lang, "form.not_a_form"));
  if (!FORM_TYPE.test(type)) {
    await req.body?.cancel();
    throw notAForm();
  }
  const bytes = await readBody(req, maxBytes, {
    tooLarge: (limit) => t(lang, "form.too_large", { limit }),
  });
  try {
    return await new Response(bytes as BodyInit, {
      headers: { "Content-Type": type },
    }).formData();
  } catch {
    throw notAForm();
  }
}

/**
 * The form of a page's POST, or the plain-text answer refusing it: 413 when
 * it is larger than `maxBytes`, 400 when the body is not a form.
 */
export async function pageForm(
  req: Request,
  options: FormOptions,
): Promise<FormData | Response> {
  try {
    return await readFormBody(req, options);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return new Response(error.message, {
      status: ERROR_STATUS[error.code],
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

/** A small form that may be missing: null when it is too large or not a form. */
export async function readForm(
  req: Request,
  maxBytes: number,
): Promise<FormData | null> {
  try {
    return await readFormBody(req, { maxBytes, lang: "en" });
  } catch {
    return null;
  }
}
