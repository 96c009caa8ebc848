/**
 * Which format a file is in, from its content first: the name only breaks a
 * tie (a `.json` file that is neither JSON nor a text chat gets the JSON
 * syntax error, since that is what its author meant to upload).
 */
import { ImportError } from "./errors.ts";
import { isMarkdownHeader } from "./markdown.ts";
import { isTxtHeader } from "./txt.ts";
import { linesOf } from "./lines.ts";

/** What a file was recognised as; JSON is parsed already. */
export type Detected =
  | { kind: "json"; data: unknown }
  | { kind: "txt" }
  | { kind: "md" };

/** Recognises the format of `text` (see the module notes). */
export function detectFormat(text: string, filename?: string): Detected {
  let first = "";
  for (const [line] of linesOf(text)) {
    if (line.trim() !== "") {
      first = line;
      break;
    }
  }
  // A TXT chat starts with "[", like a JSON array, so its header decides.
  if (isTxtHeader(first)) return { kind: "txt" };
  if (/^\s*[[{]/.test(first)) {
    return { kind: "json", data: parseJson(text) };
  }
  if (/^#[ \t]/.test(first)) return { kind: "md" };
  // After a preamble, the first message header of either kind decides.
  for (const [line] of linesOf(text)) {
    if (isTxtHeader(line)) return { kind: "txt" };
    if (isMarkdownHeader(line)) return { kind: "md" };
  }
  if (/\.json$/i.test(filename ?? "")) parseJson(text);
  throw new ImportError("import.error.format");
}

/** `JSON.parse` whose errors say where the JSON breaks, or that it was cut off. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : text.length;
    if (offset >= text.trimEnd().length) {
      throw new ImportError("import.error.json_truncated", {}, {
        line: lineOf(text, text.trimEnd().length),
      });
    }
    const before = text.slice(0, offset).split("\n");
    throw new ImportError("import.error.json", {
      found: JSON.stringify(Array.from(text.slice(offset))[0]),
    }, { line: before.length, column: before.at(-1)!.length + 1 });
  }
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}
