/** Download file names from chat titles, safe on Windows, macOS and Linux. */

const MAX_BASE_GRAPHEMES = 100;
/** Most file systems allow 255 bytes per name; leave room for the extension. */
const MAX_BASE_BYTES = 200;
/** The name of a file whose title leaves nothing usable. */
export const FALLBACK_FILENAME = "chat";

/** Characters no OS allows in a name, plus control and bidi-override characters (spoofable names). */
const FORBIDDEN =
  // deno-lint-ignore no-control-regex
  /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Windows device names, reserved whatever the extension: CON, NUL, COM1, LPT¹… */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const encoder = new TextEncoder();

/**
 * A file name for `title` with extension `ext` (without dot): forbidden
 * characters become spaces, white space collapses, leading dots and trailing
 * dots/spaces go, the base is cut to 100 characters and 200 UTF-8 bytes at a
 * character boundary, a reserved Windows name gets a `_`, and an empty result
 * becomes "chat". Letters of every script and emoji are kept.
 */
export function safeFilename(title: string, ext: string): string {
  let base = title.normalize("NFC").replace(FORBIDDEN, " ");
  base = trimEnds(base.replace(/\s+/gu, " "));
  base = trimEnds(truncate(base));
  if (RESERVED.test(base.split(".")[0].trim())) base = `${base}_`;
  return `${base || FALLBACK_FILENAME}.${ext}`;
}

function trimEnds(name: string): string {
  return name.replace(/^[\s.]+/u, "").replace(/[\s.]+$/u, "");
}

function truncate(name: string): string {
  let out = "";
  let count = 0;
  for (const { segment } of segmenter.segment(name)) {
    const next = out + segment;
    if (++count > MAX_BASE_GRAPHEMES) break;
    if (encoder.encode(next).length > MAX_BASE_BYTES) break;
    out = next;
  }
  return out;
}
