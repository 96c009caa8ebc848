import { assert, assertEquals } from "@/tests/assert.ts";
import fc from "fast-check";
import {
  markdownPieces,
  PIECE_MAX,
  PIECE_MAX_LINES,
  PIECE_MIN,
} from "./pieces.ts";

const pieces = (text: string) => [...markdownPieces(text)];

const lineCount = (text: string) => text.split("\n").length - 1;

Deno.test("markdownPieces() keeps a text up to PIECE_MAX whole", () => {
  // 31 characters a line, so it has fewer than PIECE_MAX_LINES lines.
  const text = `${"a".repeat(31)}\n\n`.repeat(Math.floor(PIECE_MAX / 33));
  assertEquals(pieces(text), [{ text, end: text.length }]);
});

Deno.test("markdownPieces() cuts a long text at blank lines, pieces between PIECE_MIN and PIECE_MAX", () => {
  const paragraph = "Kalimat yang cukup panjang untuk satu paragraf.\n\n";
  const text = paragraph.repeat(2000);
  const all = pieces(text);
  assertEquals(all.map((p) => p.text).join(""), text);
  for (const piece of all.slice(0, -1)) {
    assert(piece.text.length >= PIECE_MIN && piece.text.length <= PIECE_MAX);
    assert(piece.text.endsWith("\n\n"));
  }
  assertEquals(all.at(-1)!.end, text.length);
});

Deno.test("markdownPieces() never cuts a fenced code block at its blank lines", () => {
  const code = "```js\n" + "let x = 1;\n\n".repeat(3000) + "```\n";
  const text = "Intro\n\n" + code + "\nAfter\n";
  const all = pieces(text);
  assert(all.length > 1);
  for (const piece of all) {
    const fences = piece.text.match(/^```/gm)?.length ?? 0;
    assertEquals(fences % 2, 0, "every piece opens and closes its fences");
  }
});

Deno.test("markdownPieces() closes a fence it must cut and opens it again in the next piece", () => {
  const text = "```py\n" + "print(1)\n".repeat(5000) + "```\n";
  const [first, second] = pieces(text);
  assert(first.text.startsWith("```py\n") && first.text.endsWith("```\n"));
  assert(second.text.startsWith("```py\nprint(1)\n"));
});

Deno.test("markdownPieces() cuts a long block without blank lines at a line end", () => {
  const text = "- a\n".repeat(20_000);
  const all = pieces(text);
  assert(all.length > 1);
  for (const piece of all) assert(piece.text.length <= PIECE_MAX + 4);
  assertEquals(all.map((p) => p.text).join(""), text);
});

Deno.test("markdownPieces() cuts a list of short items after PIECE_MAX_LINES lines, well before PIECE_MAX", () => {
  const text = "- a\n".repeat(4096);
  const all = pieces(text);
  assertEquals(all.length, 4);
  for (const piece of all) assertEquals(lineCount(piece.text), PIECE_MAX_LINES);
  assertEquals(all.map((p) => p.text).join(""), text);
});

Deno.test("markdownPieces() cuts short lines with blank lines at a blank line within PIECE_MAX_LINES", () => {
  const text = "a\n\n".repeat(5000);
  const all = pieces(text);
  assertEquals(all.map((p) => p.text).join(""), text);
  for (const piece of all.slice(0, -1)) {
    assert(lineCount(piece.text) <= PIECE_MAX_LINES);
    assert(lineCount(piece.text) >= PIECE_MAX_LINES / 4);
    assert(piece.text.endsWith("\n\n"));
  }
});

Deno.test("markdownPieces() keeps pieces of long lines within PIECE_MAX and cuts a longer line every PIECE_MAX characters", () => {
  const lines = `${"[[".repeat(7000)}\n`.repeat(10);
  const longLines = pieces(lines);
  for (const piece of longLines) assert(piece.text.length <= PIECE_MAX);
  assertEquals(longLines.map((p) => p.text).join(""), lines);
  const line = "a😀".repeat(200_000);
  const cut = pieces(line);
  for (const piece of cut.slice(0, -1)) {
    assert(
      piece.text.length <= PIECE_MAX && piece.text.length >= PIECE_MAX - 1,
    );
  }
  assertEquals(cut.map((p) => p.text).join(""), line);
  assert(
    cut.every((p) => !/[\ud800-\udbff]$/.test(p.text)),
    "no pair is split",
  );
});

Deno.test("markdownPieces(): the pieces' texts, less added fence lines, are the text", () => {
  const part = fc.constantFrom(
    "a",
    "\n",
    "\n\n",
    "```\n",
    "~~~\n",
    "$$\n",
    "- x\n",
    "> q\n",
    "*",
    " ",
  );
  fc.assert(
    fc.property(fc.array(part, { minLength: 0, maxLength: 400 }), (parts) => {
      const text = parts.join("").repeat(40);
      const all = pieces(text);
      let rebuilt = "";
      let offset = 0;
      for (const piece of all) {
        const original = text.slice(offset, piece.end);
        assert(piece.text.includes(original));
        rebuilt += original;
        offset = piece.end;
      }
      assertEquals(rebuilt, text);
    }),
    { numRuns: 60 },
  );
});
