/**
 * Bytes of an uploaded file to text: refuses files over the size limit,
 * empty files, binary files and invalid UTF-8 before any format is tried.
 * UTF-16 with a byte order mark (Windows Notepad's "Unicode") is read too.
 */
import { ImportError, ImportTooLargeError } from "./errors.ts";

const SNIFF_BYTES = 8192;

/** Magic numbers of binary files people pick by mistake: PDF, ZIP/DOCX, PNG, JPEG, GIF, gzip. */
const MAGIC: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
];

/** The file's text with line breaks as `\n` and no byte order mark. */
export function decodeText(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) {
    throw new ImportTooLargeError(bytes.byteLength, maxBytes);
  }
  const text = decode(bytes).replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new ImportError("import.error.empty");
  if (looksBinary(text)) throw new ImportError("import.error.binary");
  return text;
}

function decode(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImportError("import.error.empty");
  if (MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b))) {
    throw new ImportError("import.error.binary");
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe
    ? "utf-16le"
    : bytes[0] === 0xfe && bytes[1] === 0xff
    ? "utf-16be"
    : undefined;
  if (!utf16 && bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new ImportError("import.error.binary");
  }
  try {
    // TextDecoder drops the byte order mark itself (ignoreBOM: false).
    return new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("import.error.encoding", {}, {
      line: firstBadLine(bytes, utf16 ?? "utf-8"),
    });
  }
}

function firstBadLine(bytes: Uint8Array, encoding: string): number {
  const lossy = new TextDecoder(encoding).decode(bytes);
  const bad = lossy.indexOf("\uFFFD");
  return lossy.slice(0, Math.max(bad, 0)).split("\n").length;
}

/** Text with many control characters (other than tab, line breaks, form feed) is not a chat. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 12) || code === 127
    ) {
      control++;
    }
  }
  return control > sample.length / 10;
}
